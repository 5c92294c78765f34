package london.cofund.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between two versions of a draft, field by field in words, for the conflict page: the
 * other person's saved version beside what this person typed.
 */
public final class DraftDifferences {

  /** One field that differs. */
  public record Difference(String field, String theirs, String yours) {}

  private DraftDifferences() {}

  public static List<Difference> between(EoiDraftForm theirs, EoiDraftForm yours) {
    Map<String, String> a = flatten(theirs);
    Map<String, String> b = flatten(yours);
    List<Difference> differences = new ArrayList<>();
    java.util.Set<String> fields = new java.util.LinkedHashSet<>(a.keySet());
    fields.addAll(b.keySet());
    for (String field : fields) {
      String x = a.getOrDefault(field, "");
      String y = b.getOrDefault(field, "");
      if (!Objects.equals(x, y)) {
        differences.add(new Difference(field, x, y));
      }
    }
    return differences;
  }

  private static Map<String, String> flatten(EoiDraftForm f) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Title", f.title());
    m.put("Summary", f.summary());
    m.put("Scope", f.scope());
    m.put("Delivery boroughs", String.join(", ", f.deliveryBoroughs()));
    m.put("Based outside London", f.basedOutsideLondon() ? "yes" : "no");
    m.put("Location outside London", f.outsideLondonLocation());
    m.put("Benefits Londoners only", f.benefitsLondonersOnly() ? "yes" : "no");
    m.put("Lead agency", f.leadAgency().name());
    m.put("Lead agency's kind", f.leadAgency().type());
    m.put("Contact name", f.leadAgency().contactName());
    m.put("Contact email", f.leadAgency().contactEmail());
    m.put("Lead agency's borough", f.leadAgency().boroughCode());
    for (int i = 0; i < f.partners().size(); i++) {
      EoiDraftForm.Partner p = f.partners().get(i);
      m.put(
          "Partner " + (i + 1),
          String.join(
              ", ",
              List.of(
                      p.name(),
                      p.type(),
                      p.boroughCode(),
                      p.coreSupporting() ? "core supporting" : "")
                  .stream()
                  .filter(s -> s != null && !s.isBlank())
                  .toList()));
    }
    m.put("Priorities", String.join(", ", f.priorityThemes()));
    m.put("Amount requested", f.requestedAmount());
    m.put("Duration in months", f.durationMonths());
    m.put("Leadership statement", f.leadershipStatement());
    m.replaceAll((k, v) -> v == null ? "" : v);
    return m;
  }
}
