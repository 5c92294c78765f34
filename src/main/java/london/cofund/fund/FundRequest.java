package london.cofund.fund;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A fund as MOPAC creates it ({@code POST /api/funds}) or changes it ({@code PUT
 * /api/funds/{fundId}}, where {@code reason} is required and recorded with each change).
 *
 * <p>Years must follow one another with no gap. Missing targets take the seed's 5 to 8 projects.
 */
public record FundRequest(
    @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,39}",
            message =
                "must be 1 to 40 letters, digits or hyphens, starting with a letter or digit, for example LCPF-2017")
        String fundId,
    @NotBlank @CodePointLength(max = 200) String name,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid YearItem> years,
    @Min(1) @Max(100) Integer minProjects,
    @Min(1) @Max(100) Integer maxProjects,
    @CodePointLength(max = 4000) String reason) {

  /**
   * The largest amount CoFund takes for a year's total, an allocation or a service's annual cost:
   * £100m.
   */
  public static final long MAX_AMOUNT = 100_000_000L;

  /** The refusal of an amount above {@link #MAX_AMOUNT}. */
  public static final String MAX_AMOUNT_MESSAGE = "must be at most £100,000,000";

  public static final int DEFAULT_MIN_PROJECTS = 5;
  public static final int DEFAULT_MAX_PROJECTS = 8;

  /** One financial year of the fund. */
  public record YearItem(
      @NotBlank
          @Pattern(regexp = FinancialYear.PATTERN_TEXT, message = FinancialYear.FORMAT_MESSAGE)
          String financialYear,
      @NotNull @PositiveOrZero @Max(value = MAX_AMOUNT, message = MAX_AMOUNT_MESSAGE) Long total,
      @NotNull @Min(0) @Max(100) Integer coCommissioningPercent) {}

  int minProjectsOrDefault() {
    return minProjects == null ? DEFAULT_MIN_PROJECTS : minProjects;
  }

  int maxProjectsOrDefault() {
    return maxProjects == null ? DEFAULT_MAX_PROJECTS : maxProjects;
  }
}
