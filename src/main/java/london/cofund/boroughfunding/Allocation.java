package london.cofund.boroughfunding;

import java.time.OffsetDateTime;

/**
 * One area's direct allocation from MOPAC for one financial year, in whole pounds.
 *
 * @param gssCode a borough's GSS code, or {@link Area#LONDON} for the London total
 * @param financialYear written {@code 2018/19}
 * @param amount whole pounds
 * @param source where the figure comes from: the seed's Table 1, or an upload to a fund
 * @param uploadedBy who recorded it
 * @param uploadedAt when
 */
public record Allocation(
    String gssCode,
    String financialYear,
    long amount,
    String source,
    String uploadedBy,
    OffsetDateTime uploadedAt) {}
