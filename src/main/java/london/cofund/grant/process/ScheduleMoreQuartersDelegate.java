package london.cofund.grant.process;

import java.util.List;
import london.cofund.grant.GrantService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_ScheduleMoreQuarters}, after the loop over the grant's quarters: the quarters
 * that an approved extension of the end date added after the last one the loop ran become the next
 * loop's ({@code quarters}), and {@code moreQuarters} says whether there are any. A loop's
 * collection is read once when it starts, so an extension approved while it runs is picked up here.
 */
@Component
class ScheduleMoreQuartersDelegate implements JavaDelegate {

  private final GrantService grants;

  ScheduleMoreQuartersDelegate(GrantService grants) {
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> ran = GrantProcess.QUARTERS.require(execution);
    List<String> more =
        grants.quartersAfter(
            GrantProcess.REFERENCE.require(execution),
            ran.isEmpty() ? null : ran.get(ran.size() - 1));
    if (!more.isEmpty()) {
      GrantProcess.QUARTERS.set(execution, more);
    }
    GrantProcess.MORE_QUARTERS.set(execution, !more.isEmpty());
  }
}
