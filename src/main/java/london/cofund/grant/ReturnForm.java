package london.cofund.grant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A quarterly monitoring return as the lead agency submits it ({@code POST
 * /api/grants/{reference}/returns}, or the form of {@code Task_SubmitReturn}).
 *
 * @param quarter the quarter it reports on, such as {@code 2026/27 Q1}
 * @param spend what was spent in the quarter, by budget line (financial year), in whole pence
 * @param outputs outputs against what the full proposal promised
 * @param outcomes outcomes against what the full proposal promised
 * @param peopleReached people reached, by borough (GSS code)
 * @param risks risks and how they are handled
 * @param narrative how the quarter went
 */
public record ReturnForm(
    @NotBlank @CodePointLength(max = 20) String quarter,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid SpendLine> spend,
    @NotBlank @CodePointLength(max = 4000) String outputs,
    @NotBlank @CodePointLength(max = 4000) String outcomes,
    @Size(max = 33) List<@NotNull @Valid Reach> peopleReached,
    @CodePointLength(max = 4000) String risks,
    @NotBlank @CodePointLength(max = 8000) String narrative) {

  /** Spend on one budget line in the quarter, in whole pence. */
  public record SpendLine(
      @NotBlank @CodePointLength(max = 20) String line, @NotNull Long amountPence) {}

  /** People reached in one borough. */
  public record Reach(
      @NotBlank @CodePointLength(max = 20) String boroughCode, @NotNull Integer people) {}

  /** The quarter's spend: the sum of its lines. */
  public long spendPence() {
    return spend == null
        ? 0
        : spend.stream().mapToLong(s -> s.amountPence() == null ? 0 : s.amountPence()).sum();
  }
}
