package london.cofund.boroughfunding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import london.cofund.fund.FundRequest;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A borough officer's record of a service at risk ({@code POST
 * /api/boroughs/{gssCode}/services-at-risk}, and the same body to {@code PUT} a change).
 *
 * @param name what the service is (1 to 200 characters)
 * @param priorityTheme the priority it serves: capitals, digits and underscores, for example {@code
 *     GANGS}
 * @param annualCost whole pounds, more than 0 and at most £100,000,000
 * @param yearsAtRisk 1 to 10 financial years, written {@code 2018/19}, each once
 * @param linkedProposals up to 20 references of co-commissioned bids delivered in the borough (or
 *     pan-London), each once; may be empty or left out
 */
public record ServiceAtRiskRequest(
    @NotBlank @CodePointLength(max = 200) String name,
    @NotBlank
        @Pattern(
            regexp = "[A-Z][A-Z0-9_]{0,39}",
            message = "must be capitals, digits and underscores, for example GANGS")
        String priorityTheme,
    @NotNull
        @Positive
        @Max(value = FundRequest.MAX_AMOUNT, message = FundRequest.MAX_AMOUNT_MESSAGE)
        Long annualCost,
    @NotEmpty @Size(max = 10) List<@NotNull String> yearsAtRisk,
    @Size(max = 20) List<@NotBlank @CodePointLength(max = 60) String> linkedProposals) {

  List<String> linksOrEmpty() {
    return linkedProposals == null ? List.of() : linkedProposals;
  }
}
