package london.cofund.proposal;

import java.util.List;
import java.util.Optional;
import london.cofund.eligibility.Agency;
import london.cofund.eligibility.AgencyType;
import london.cofund.eligibility.Bid;
import london.cofund.eligibility.Scope;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The fields that an EOI and a full proposal share, and what eligibility screening reads of them.
 */
public interface BidForm {

  String title();

  String summary();

  Scope scope();

  List<String> deliveryBoroughs();

  Boolean basedOutsideLondon();

  String outsideLondonLocation();

  Boolean benefitsLondonersOnly();

  LeadAgencyForm leadAgency();

  List<PartnerForm> partners();

  List<String> priorityThemes();

  String leadershipStatement();

  /** The amount asked for, in whole pounds. */
  long amount();

  /** The lead agency: who leads, and whom the fund writes to. */
  record LeadAgencyForm(
      @jakarta.validation.constraints.NotBlank @CodePointLength(max = 200) String name,
      @jakarta.validation.constraints.NotNull AgencyType type,
      @CodePointLength(max = 200) String contactName,
      @jakarta.validation.constraints.Email(
              regexp = ".+@.+\\..+",
              message = "must be an email address such as name@example.org")
          @CodePointLength(max = 254)
          String contactEmail,
      @CodePointLength(max = 20) String boroughCode) {}

  /** A partner agency; {@code boroughCode} is required for a local authority. */
  record PartnerForm(
      @jakarta.validation.constraints.NotBlank @CodePointLength(max = 200) String name,
      @jakarta.validation.constraints.NotNull AgencyType type,
      Boolean coreSupporting,
      @CodePointLength(max = 20) String boroughCode) {}

  default List<String> boroughs() {
    return deliveryBoroughs() == null
        ? List.of()
        : deliveryBoroughs().stream().map(c -> c.trim().toUpperCase()).distinct().toList();
  }

  /** The facts that the criteria judge. */
  default Bid toBid() {
    LeadAgencyForm lead = leadAgency();
    List<Agency> partners =
        Optional.ofNullable(partners()).orElse(List.of()).stream()
            .map(
                p ->
                    new Agency(
                        p.name(),
                        p.type(),
                        upper(p.boroughCode()),
                        Boolean.TRUE.equals(p.coreSupporting())))
            .toList();
    return new Bid(
        scope(),
        boroughs(),
        Boolean.TRUE.equals(basedOutsideLondon()),
        outsideLondonLocation(),
        Boolean.TRUE.equals(benefitsLondonersOnly()),
        lead == null ? null : new Agency(lead.name(), lead.type(), upper(lead.boroughCode()), true),
        lead == null ? null : lead.contactName(),
        lead == null ? null : lead.contactEmail(),
        partners,
        priorityThemes() == null ? List.of() : priorityThemes(),
        leadershipStatement());
  }

  private static String upper(String code) {
    return code == null || code.isBlank() ? null : code.trim().toUpperCase();
  }
}
