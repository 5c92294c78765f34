package london.cofund.round;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.eligibility.Thresholds;
import london.cofund.system.Scores;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * What MOPAC gives to open a round ({@code POST /api/rounds}, or the Tasklist start form of {@code
 * fundingRound}). Missing optional values take the defaults: the fund whose years contain the
 * service start; as many projects as the fund still needs for its target (5 to 8 across the fund);
 * 2 assessors per proposal; a fundable threshold of 15 of 25; and the seed's draft criteria of 3
 * boroughs for a sub-regional bid and 3 partner agencies.
 */
public record RoundRequest(
    @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,39}",
            message =
                "must be 1 to 40 letters, digits or hyphens, starting with a letter or digit, for example T1-2018")
        String roundId,
    @NotBlank @CodePointLength(max = 200) String name,
    @NotNull @Min(1) @Max(99) Integer tranche,
    @NotNull @Positive @Max(1_000_000_000_000L) Long potAmount,
    @Min(1) @Max(100) Integer minProjects,
    @Min(1) @Max(100) Integer maxProjects,
    @Min(1) @Max(10) Integer assessorsPerProposal,
    @DecimalMin(Scores.MIN_TOTAL_TEXT) @DecimalMax(Scores.MAX_TOTAL_TEXT)
        BigDecimal fundableThreshold,
    @Size(max = 50) List<@NotNull @Valid PriorityItem> priorityLongList,
    @NotNull OffsetDateTime consultationDeadline,
    @NotNull OffsetDateTime eoiDeadline,
    @NotNull OffsetDateTime fullProposalDeadline,
    @NotNull OffsetDateTime decisionDate,
    @NotNull OffsetDateTime serviceStartDate,
    @CodePointLength(max = 40) String previousRoundId,
    @CodePointLength(max = 40) String fundId,
    @Min(1) @Max(32) Integer minSubRegionalBoroughs,
    @Min(1) @Max(30) Integer minPartnerAgencies) {

  public static final int DEFAULT_ASSESSORS = 2;
  public static final BigDecimal DEFAULT_FUNDABLE_THRESHOLD = BigDecimal.valueOf(15);

  /** One entry of the long list. */
  public record PriorityItem(
      @NotBlank
          @Pattern(
              regexp = "[A-Z][A-Z0-9_]{0,39}",
              message = "must be capitals, digits and underscores, for example FEMALE_OFFENDING")
          String code,
      @NotBlank @CodePointLength(max = 200) String title) {}

  /** The thresholds of the criteria, the seed's draft where not given. */
  Thresholds thresholdsOrDefault() {
    return new Thresholds(
        minSubRegionalBoroughs == null
            ? Thresholds.SEED_DRAFT.minSubRegionalBoroughs()
            : minSubRegionalBoroughs,
        minPartnerAgencies == null
            ? Thresholds.SEED_DRAFT.minPartnerAgencies()
            : minPartnerAgencies);
  }

  int assessorsOrDefault() {
    return assessorsPerProposal == null ? DEFAULT_ASSESSORS : assessorsPerProposal;
  }

  BigDecimal thresholdOrDefault() {
    return fundableThreshold == null ? DEFAULT_FUNDABLE_THRESHOLD : fundableThreshold;
  }
}
