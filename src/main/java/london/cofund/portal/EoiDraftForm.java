package london.cofund.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import london.cofund.eligibility.AgencyType;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.BidForm.LeadAgencyForm;
import london.cofund.proposal.BidForm.PartnerForm;
import london.cofund.proposal.EoiForm;
import london.cofund.system.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * The EOI form as the applicant typed it: text throughout, so that a draft keeps everything typed,
 * valid or not. The field names are those of the API's {@link EoiForm} ({@code leadAgency.name},
 * {@code partners[0].boroughCode}), so that a refusal by the API's checks names the same field the
 * page shows.
 */
public record EoiDraftForm(
    String title,
    String summary,
    String scope,
    List<String> deliveryBoroughs,
    boolean basedOutsideLondon,
    String outsideLondonLocation,
    boolean benefitsLondonersOnly,
    Lead leadAgency,
    List<Partner> partners,
    List<String> priorityThemes,
    String requestedAmount,
    String durationMonths,
    String leadershipStatement) {

  /** The most partner rows a form holds: the API's limit. */
  public static final int MAX_PARTNERS = 30;

  private static final Pattern PARTNER_FIELD = Pattern.compile("partners\\[(\\d+)]\\.(\\w+)");

  public EoiDraftForm {
    deliveryBoroughs = deliveryBoroughs == null ? List.of() : List.copyOf(deliveryBoroughs);
    partners = partners == null ? List.of() : List.copyOf(partners);
    priorityThemes = priorityThemes == null ? List.of() : List.copyOf(priorityThemes);
    leadAgency = leadAgency == null ? Lead.EMPTY : leadAgency;
  }

  /** The lead agency as typed. */
  public record Lead(
      String name, String type, String contactName, String contactEmail, String boroughCode) {
    static final Lead EMPTY = new Lead("", "", "", "", "");
  }

  /** One partner row as typed. */
  public record Partner(String name, String type, boolean coreSupporting, String boroughCode) {
    static final Partner EMPTY = new Partner("", "", false, "");
  }

  /** A new form: sub-regional, two empty partner rows. */
  public static EoiDraftForm blank(String contactEmail) {
    return new EoiDraftForm(
        "",
        "",
        Scope.SUB_REGIONAL.name(),
        List.of(),
        false,
        "",
        false,
        new Lead("", "", "", contactEmail == null ? "" : contactEmail, ""),
        List.of(Partner.EMPTY, Partner.EMPTY),
        List.of(),
        "",
        "",
        "");
  }

  /** A stored EOI or full proposal as the form shows it, for revising it. */
  public static EoiDraftForm from(london.cofund.proposal.BidForm bid) {
    LeadAgencyForm lead = bid.leadAgency();
    return new EoiDraftForm(
        text(bid.title()),
        text(bid.summary()),
        bid.scope() == null ? "" : bid.scope().name(),
        bid.boroughs(),
        Boolean.TRUE.equals(bid.basedOutsideLondon()),
        text(bid.outsideLondonLocation()),
        Boolean.TRUE.equals(bid.benefitsLondonersOnly()),
        lead == null
            ? Lead.EMPTY
            : new Lead(
                text(lead.name()),
                lead.type() == null ? "" : lead.type().name(),
                text(lead.contactName()),
                text(lead.contactEmail()),
                text(lead.boroughCode())),
        bid.partners() == null
            ? List.of()
            : bid.partners().stream()
                .map(
                    p ->
                        new Partner(
                            text(p.name()),
                            p.type() == null ? "" : p.type().name(),
                            Boolean.TRUE.equals(p.coreSupporting()),
                            text(p.boroughCode())))
                .toList(),
        bid.priorityThemes(),
        bid instanceof EoiForm eoi && eoi.requestedAmount() != null
            ? String.valueOf(eoi.requestedAmount())
            : "",
        bid instanceof EoiForm eoi2 && eoi2.durationMonths() != null
            ? String.valueOf(eoi2.durationMonths())
            : bid instanceof london.cofund.proposal.FullProposalForm full
                    && full.durationMonths() != null
                ? String.valueOf(full.durationMonths())
                : "",
        text(bid.leadershipStatement()));
  }

  /** The form as a browser posts it. */
  public static EoiDraftForm of(MultiValueMap<String, String> params) {
    Map<Integer, Map<String, String>> rows = new TreeMap<>();
    params.forEach(
        (name, values) -> {
          Matcher m = PARTNER_FIELD.matcher(name);
          if (m.matches() && !values.isEmpty()) {
            int index = Integer.parseInt(m.group(1));
            if (index < MAX_PARTNERS) {
              rows.computeIfAbsent(index, i -> new java.util.HashMap<>())
                  .put(m.group(2), values.get(values.size() - 1));
            }
          }
        });
    List<Partner> partners = new ArrayList<>();
    rows.values()
        .forEach(
            row ->
                partners.add(
                    new Partner(
                        text(row.get("name")),
                        text(row.get("type")),
                        "true".equals(row.get("coreSupporting")),
                        text(row.get("boroughCode")))));
    return new EoiDraftForm(
        text(params.getFirst("title")),
        text(params.getFirst("summary")),
        text(params.getFirst("scope")),
        params.getOrDefault("deliveryBoroughs", List.of()).stream().distinct().toList(),
        "true".equals(params.getFirst("basedOutsideLondon")),
        text(params.getFirst("outsideLondonLocation")),
        "true".equals(params.getFirst("benefitsLondonersOnly")),
        new Lead(
            text(params.getFirst("leadAgency.name")),
            text(params.getFirst("leadAgency.type")),
            text(params.getFirst("leadAgency.contactName")),
            text(params.getFirst("leadAgency.contactEmail")),
            text(params.getFirst("leadAgency.boroughCode"))),
        partners,
        params.getOrDefault("priorityThemes", List.of()).stream().distinct().toList(),
        text(params.getFirst("requestedAmount")),
        text(params.getFirst("durationMonths")),
        text(params.getFirst("leadershipStatement")));
  }

  /** The same form with one more empty partner row (up to {@link #MAX_PARTNERS}). */
  public EoiDraftForm withPartnerAdded() {
    if (partners.size() >= MAX_PARTNERS) {
      return this;
    }
    List<Partner> more = new ArrayList<>(partners);
    more.add(Partner.EMPTY);
    return withPartners(more);
  }

  /** The same form without the partner row at {@code index}. */
  public EoiDraftForm withPartnerRemoved(int index) {
    if (index < 0 || index >= partners.size()) {
      return this;
    }
    List<Partner> fewer = new ArrayList<>(partners);
    fewer.remove(index);
    return withPartners(fewer);
  }

  private EoiDraftForm withPartners(List<Partner> rows) {
    return new EoiDraftForm(
        title,
        summary,
        scope,
        deliveryBoroughs,
        basedOutsideLondon,
        outsideLondonLocation,
        benefitsLondonersOnly,
        leadAgency,
        rows,
        priorityThemes,
        requestedAmount,
        durationMonths,
        leadershipStatement);
  }

  /**
   * The EOI the API would take. What cannot be read at all (a number that is not one, an unknown
   * scope or agency type) is named in {@code problems} and left null, so that the API's own checks
   * name the rest. Empty partner rows are left out: they are spare rows, not partners.
   */
  public EoiForm toEoiForm(List<FieldProblem> problems) {
    List<PartnerForm> partnerForms = new ArrayList<>();
    int row = 0;
    for (Partner p : partners) {
      if (isEmpty(p)) {
        continue;
      }
      partnerForms.add(
          new PartnerForm(
              blankToNull(p.name()),
              agencyType(p.type(), "partners[" + row + "].type", problems),
              p.coreSupporting(),
              blankToNull(p.boroughCode())));
      row++;
    }
    return new EoiForm(
        blankToNull(title),
        blankToNull(summary),
        scope(problems),
        deliveryBoroughs,
        basedOutsideLondon,
        blankToNull(outsideLondonLocation),
        benefitsLondonersOnly,
        new LeadAgencyForm(
            blankToNull(leadAgency.name()),
            agencyType(leadAgency.type(), "leadAgency.type", problems),
            blankToNull(leadAgency.contactName()),
            blankToNull(leadAgency.contactEmail()),
            blankToNull(leadAgency.boroughCode())),
        partnerForms,
        priorityThemes,
        whole(
            requestedAmount,
            "requestedAmount",
            "a whole number of pounds, such as 1200000",
            problems),
        small(
            whole(
                durationMonths,
                "durationMonths",
                "a whole number of months, such as 36",
                problems)),
        blankToNull(leadershipStatement));
  }

  /**
   * The index in {@link #partners()} of the n-th partner the API sees (empty rows are skipped), so
   * that a refusal of {@code partners[n]} marks the row the applicant typed it in.
   */
  public int rowOfPartner(int apiIndex) {
    int seen = -1;
    for (int i = 0; i < partners.size(); i++) {
      if (!isEmpty(partners.get(i)) && ++seen == apiIndex) {
        return i;
      }
    }
    return apiIndex;
  }

  private static boolean isEmpty(Partner p) {
    return isBlank(p.name())
        && isBlank(p.type())
        && isBlank(p.boroughCode())
        && !p.coreSupporting();
  }

  private Scope scope(List<FieldProblem> problems) {
    if (isBlank(scope)) {
      return null;
    }
    try {
      return Scope.valueOf(scope.trim());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("scope", "must be sub-regional or pan-London"));
      return null;
    }
  }

  private static AgencyType agencyType(String text, String field, List<FieldProblem> problems) {
    if (isBlank(text)) {
      return null;
    }
    try {
      return AgencyType.valueOf(text.trim());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "must be one of the kinds of organisation listed"));
      return null;
    }
  }

  private static Long whole(
      String text, String field, String example, List<FieldProblem> problems) {
    String value = text == null ? "" : text.trim().replace(",", "").replace("£", "");
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "must be " + example));
      return null;
    }
  }

  private static Integer small(Long value) {
    return value == null ? null : (int) Math.max(-1, Math.min(1_000_000, value));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s;
  }

  private static String text(String s) {
    return Objects.requireNonNullElse(s, "");
  }
}
