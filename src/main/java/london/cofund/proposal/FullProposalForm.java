package london.cofund.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import london.cofund.eligibility.Scope;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A full proposal ({@code PUT /api/proposals/{reference}/full-proposal}): the EOI's fields (the
 * partners may have changed) plus a budget by financial year, whose sum is the requested amount,
 * and the outcomes, delivery plan and risks. {@code requestedAmount} may be left out; if given it
 * must equal the budget's sum.
 */
public record FullProposalForm(
    @NotBlank @CodePointLength(max = 200) String title,
    @NotBlank @CodePointLength(max = 4000) String summary,
    @NotNull Scope scope,
    @Size(max = 32) List<@NotBlank @CodePointLength(max = 20) String> deliveryBoroughs,
    Boolean basedOutsideLondon,
    @CodePointLength(max = 200) String outsideLondonLocation,
    Boolean benefitsLondonersOnly,
    @NotNull @Valid LeadAgencyForm leadAgency,
    @Size(max = 30) List<@NotNull @Valid PartnerForm> partners,
    @NotEmpty @Size(max = 20) List<@NotBlank @CodePointLength(max = 40) String> priorityThemes,
    @Positive @Max(1_000_000_000) Long requestedAmount,
    @NotNull @Min(1) @Max(48) Integer durationMonths,
    @CodePointLength(max = 8000) String leadershipStatement,
    @NotEmpty @Size(max = 10) List<@NotNull @Valid BudgetLine> budget,
    @NotBlank @CodePointLength(max = 8000) String outcomes,
    @NotBlank @CodePointLength(max = 8000) String deliveryPlan,
    @NotBlank @CodePointLength(max = 8000) String risks)
    implements BidForm {

  /**
   * One financial year's share of the budget, for example {@code {"financialYear": "2018/19",
   * "amount": 350000}}.
   */
  public record BudgetLine(
      @NotBlank
          @Pattern(regexp = "\\d{4}/\\d{2}", message = "must be a financial year such as 2018/19")
          String financialYear,
      @NotNull @Positive @Max(1_000_000_000) Long amount) {}

  /**
   * The full proposal of an EOI: the EOI's answers as they stand, with the budget by financial year
   * and the three narratives that only the full proposal has. The requested amount is the budget's
   * sum, so it is not carried over.
   */
  public static FullProposalForm of(
      EoiForm eoi, List<BudgetLine> budget, String outcomes, String deliveryPlan, String risks) {
    return new FullProposalForm(
        eoi.title(),
        eoi.summary(),
        eoi.scope(),
        eoi.deliveryBoroughs(),
        eoi.basedOutsideLondon(),
        eoi.outsideLondonLocation(),
        eoi.benefitsLondonersOnly(),
        eoi.leadAgency(),
        eoi.partners(),
        eoi.priorityThemes(),
        null,
        eoi.durationMonths(),
        eoi.leadershipStatement(),
        budget,
        outcomes,
        deliveryPlan,
        risks);
  }

  /** The requested amount: the sum of the budget. */
  @Override
  public long amount() {
    return budget.stream().mapToLong(BudgetLine::amount).sum();
  }
}
