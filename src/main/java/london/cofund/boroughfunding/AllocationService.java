package london.cofund.boroughfunding;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.fund.FundYears;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MOPAC's upload of direct borough allocations: checked whole against the 32 boroughs and the
 * fund's years, then stored in one transaction, each row replacing that borough's figure for that
 * year.
 */
@Service
public class AllocationService {

  private static final Logger LOG = LoggerFactory.getLogger(AllocationService.class);

  private final AllocationRepository allocations;
  private final FundYears funds;
  private final Clock clock;

  AllocationService(AllocationRepository allocations, FundYears funds, Clock clock) {
    this.allocations = allocations;
    this.funds = funds;
    this.clock = clock;
  }

  /**
   * Stores an upload in the CSV format of {@link AllocationCsv}.
   *
   * @throws ForbiddenException unless the user is MOPAC
   * @throws NotFoundException for an unknown fund
   * @throws london.cofund.system.InvalidRequestException naming each bad line and field; nothing is
   *     then stored
   */
  @Transactional
  public AllocationUpload upload(String fundId, String csv, CurrentUser user) {
    if (!user.isIn(Roles.MOPAC)) {
      throw new ForbiddenException("Only MOPAC (group 'mopac') uploads borough allocations.");
    }
    List<String> years =
        funds
            .financialYears(fundId)
            .orElseThrow(() -> new NotFoundException("No fund '" + fundId + "'."));
    List<AllocationCsv.Row> rows = AllocationCsv.read(csv, years);
    OffsetDateTime now = OffsetDateTime.now(clock);
    allocations.replace(rows, "Upload to " + fundId, user.id(), now);
    List<String> covered =
        rows.stream().map(AllocationCsv.Row::financialYear).distinct().sorted().toList();
    int boroughs = (int) rows.stream().map(AllocationCsv.Row::gssCode).distinct().count();
    LOG.info(
        "{} uploaded {} borough allocations to {} ({} boroughs, {})",
        user.id(),
        rows.size(),
        fundId,
        boroughs,
        covered);
    return new AllocationUpload(fundId, rows.size(), boroughs, covered, user.id(), now);
  }
}
