package london.cofund.boroughfunding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to an accepted upload of borough allocations.
 *
 * @param fundId the fund whose years the rows were checked against
 * @param rows the number of rows stored (each replaced that borough's figure for that year)
 * @param boroughs the number of distinct boroughs
 * @param years the financial years the upload covered, in order
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 */
public record AllocationUpload(
    String fundId,
    int rows,
    int boroughs,
    List<String> years,
    String uploadedBy,
    OffsetDateTime uploadedAt) {}
