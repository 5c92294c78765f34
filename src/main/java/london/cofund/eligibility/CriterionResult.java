package london.cofund.eligibility;

import java.util.Objects;

/**
 * The verdict on one criterion, with a one-sentence reason that names what the bid has and what it
 * lacks, so that an applicant sees exactly what to fix. Passes carry a reason too, so that MOPAC
 * can check the screening rather than trust it.
 */
public record CriterionResult(Criterion code, boolean passed, String reason) {

  public CriterionResult {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
