package london.cofund.grant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * What the lead agency asks to change ({@code POST /api/grants/{reference}/variations}): the budget
 * between lines (financial years), the end date, or the partners.
 *
 * @param budget for {@code BUDGET}: every line's amount after the change; the total must not move
 * @param endDate for {@code END_DATE}: the new last day
 * @param partners for {@code PARTNERS}: the partner organisations after the change
 */
public record VariationRequest(
    @NotNull Variation.Kind kind,
    @Size(max = 20) List<@NotNull @Valid Line> budget,
    LocalDate endDate,
    @Size(max = 30) List<@NotBlank @CodePointLength(max = 200) String> partners,
    @NotBlank @CodePointLength(max = 4000) String reason) {

  /** One budget line after the change, in whole pence. */
  public record Line(@NotBlank @CodePointLength(max = 20) String line, @NotNull Long amountPence) {}
}
