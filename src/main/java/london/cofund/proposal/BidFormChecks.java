package london.cofund.proposal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import london.cofund.borough.LondonBorough;
import london.cofund.eligibility.AgencyType;
import london.cofund.eligibility.Scope;
import london.cofund.fund.FinancialYear;
import london.cofund.fund.FundYears;
import london.cofund.proposal.BidForm.PartnerForm;
import london.cofund.proposal.FullProposalForm.BudgetLine;
import london.cofund.round.Round;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Whether an EOI or full proposal is well formed: its shape and limits (Bean Validation), then what
 * needs the round and the reference data: every borough code is one of the 32 boroughs, every theme
 * is on the round's long list, a council partner names its borough, a budget adds up. A failure
 * names every bad field at once (a 400); meeting the criteria is a different question, for
 * screening.
 */
@Component
public class BidFormChecks {

  private final Validator validator;
  private final FundYears fundYears;

  BidFormChecks(Validator validator, FundYears fundYears) {
    this.validator = validator;
    this.fundYears = fundYears;
  }

  public void check(BidForm form, Round round) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<BidForm> violation : validator.validate(form)) {
      problems.add(
          new FieldProblem(
              violation.getPropertyPath().toString().replaceAll("\\.?<list element>", ""),
              violation.getMessage()));
    }
    if (form.scope() == Scope.SUB_REGIONAL
        && (form.deliveryBoroughs() == null || form.deliveryBoroughs().isEmpty())) {
      problems.add(
          new FieldProblem(
              "deliveryBoroughs",
              "is required for a SUB_REGIONAL proposal: the GSS codes of the boroughs it is delivered in"));
    }
    if (form.deliveryBoroughs() != null) {
      for (int i = 0; i < form.deliveryBoroughs().size(); i++) {
        boroughCode("deliveryBoroughs[" + i + "]", form.deliveryBoroughs().get(i), problems);
      }
    }
    if (Boolean.TRUE.equals(form.basedOutsideLondon())
        && (form.outsideLondonLocation() == null || form.outsideLondonLocation().isBlank())) {
      problems.add(
          new FieldProblem(
              "outsideLondonLocation",
              "is required when basedOutsideLondon is true (for example HMP Bronzefield)"));
    }
    if (form.leadAgency() != null) {
      if (form.leadAgency().boroughCode() != null) {
        boroughCode("leadAgency.boroughCode", form.leadAgency().boroughCode(), problems);
      }
    }
    List<PartnerForm> partners = form.partners() == null ? List.of() : form.partners();
    for (int i = 0; i < partners.size(); i++) {
      PartnerForm partner = partners.get(i);
      if (partner == null) {
        continue;
      }
      String field = "partners[" + i + "].boroughCode";
      if (partner.boroughCode() != null) {
        boroughCode(field, partner.boroughCode(), problems);
      } else if (partner.type() == AgencyType.LOCAL_AUTHORITY) {
        problems.add(
            new FieldProblem(
                field, "is required for a LOCAL_AUTHORITY partner: the GSS code of its borough"));
      }
    }
    List<String> themes = form.priorityThemes() == null ? List.of() : form.priorityThemes();
    for (int i = 0; i < themes.size(); i++) {
      String theme = themes.get(i);
      if (theme != null && !theme.isBlank() && !round.isOnLongList(theme.trim())) {
        problems.add(
            new FieldProblem(
                "priorityThemes[" + i + "]",
                "'"
                    + theme
                    + "' is not a priority of round "
                    + round.roundId()
                    + " ("
                    + String.join(
                        ", ", round.priorityLongList().stream().map(p -> p.code()).toList())
                    + ")"));
      }
    }
    if (form instanceof FullProposalForm full
        && full.budget() != null
        && full.budget().stream().allMatch(this::complete)) {
      Set<String> years = new HashSet<>();
      List<String> allowed = yearsFromServiceStart(round);
      for (int i = 0; i < full.budget().size(); i++) {
        String year = full.budget().get(i).financialYear();
        if (allowed != null && !allowed.contains(year)) {
          problems.add(
              new FieldProblem(
                  "budget[" + i + "].financialYear",
                  allowed.isEmpty()
                      ? year
                          + " is outside fund "
                          + round.fundId()
                          + ", which has no year left"
                          + " from the services' start"
                      : year
                          + " is outside the fund's years from the services' start: "
                          + String.join(", ", allowed)));
        }
        if (!years.add(full.budget().get(i).financialYear())) {
          problems.add(
              new FieldProblem(
                  "budget[" + i + "].financialYear",
                  full.budget().get(i).financialYear() + " is listed twice"));
        }
      }
      if (full.requestedAmount() != null && full.requestedAmount() != full.amount()) {
        problems.add(
            new FieldProblem(
                "requestedAmount",
                "must equal the sum of the budget (" + full.amount() + "), or be left out"));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidRequestException(problems);
    }
  }

  /**
   * The financial years a budget may use: the round's fund's years from the one its services start
   * in; null when the round draws on no fund (rounds opened before funds existed).
   */
  private List<String> yearsFromServiceStart(Round round) {
    if (round.fundId() == null) {
      return null;
    }
    FinancialYear start = FinancialYear.of(round.dates().serviceStartDate());
    return fundYears.financialYears(round.fundId()).orElse(List.of()).stream()
        .filter(y -> FinancialYear.parse(y).map(fy -> fy.compareTo(start) >= 0).orElse(false))
        .toList();
  }

  private boolean complete(BudgetLine line) {
    return line != null && line.amount() != null && line.financialYear() != null;
  }

  private static void boroughCode(String field, String code, List<FieldProblem> problems) {
    if (code == null || code.isBlank()) {
      return;
    }
    String normalised = code.trim().toUpperCase();
    if (normalised.equals(LondonBorough.CITY_OF_LONDON)) {
      problems.add(
          new FieldProblem(
              field,
              "E09000001 is the City of London, which has its own police force outside"
                  + " MOPAC's area: it is not one of the 32 boroughs the fund covers"));
    } else if (!LondonBorough.isBoroughCode(normalised)) {
      problems.add(
          new FieldProblem(
              field,
              "'" + code + "' is not the GSS code of a London borough (E09000002 to E09000033)"));
    }
  }
}
