package london.cofund.grant.process;

import london.cofund.grant.GrantService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Serves {@code Task_PayInAdvance}: the first quarter's payment, where MOPAC set it in advance. */
@Component
class PayInAdvanceDelegate implements JavaDelegate {

  private final GrantService grants;

  PayInAdvanceDelegate(GrantService grants) {
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    grants.payInAdvance(GrantProcess.REFERENCE.require(execution));
  }
}
