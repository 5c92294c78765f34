package london.cofund.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import london.cofund.eligibility.Scope;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * An expression of interest, as {@code POST /api/rounds/{roundId}/eois} and {@code PUT
 * /api/proposals/{reference}/eoi} take it. Shapes and limits are checked here (a 400); whether the
 * bid meets the criteria is screening's job (a 201 with {@code eligible: false}).
 */
public record EoiForm(
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
    @NotNull @Positive @Max(1_000_000_000) Long requestedAmount,
    @NotNull @Min(1) @Max(48) Integer durationMonths,
    @CodePointLength(max = 8000) String leadershipStatement)
    implements BidForm {

  @Override
  public long amount() {
    return requestedAmount;
  }
}
