package london.cofund.grant.process;

import london.cofund.grant.GrantService;
import london.cofund.grant.Quarter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_ReturnUnderspend}, after a year's last quarter is paid: what the year's budget
 * was not paid goes back to the fund.
 */
@Component
class ReturnUnderspendDelegate implements JavaDelegate {

  private final GrantService grants;

  ReturnUnderspendDelegate(GrantService grants) {
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Quarter quarter = Quarter.parse(GrantProcess.QUARTER.require(execution)).orElseThrow();
    grants.returnUnderspend(GrantProcess.REFERENCE.require(execution), quarter.year().toString());
  }
}
