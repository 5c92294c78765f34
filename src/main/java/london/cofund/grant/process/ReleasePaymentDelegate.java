package london.cofund.grant.process;

import london.cofund.grant.GrantService;
import london.cofund.grant.Quarter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves {@code Task_ReleasePayment}: the quarter's payment in arrears. Without an approved return
 * for the quarter the service refuses, naming the missing return; the step's job then becomes an
 * incident with that message for an operator. While payments are suspended the payment is held.
 */
@Component
class ReleasePaymentDelegate implements JavaDelegate {

  private final GrantService grants;

  ReleasePaymentDelegate(GrantService grants) {
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    grants.releasePayment(
        GrantProcess.REFERENCE.require(execution),
        Quarter.parse(GrantProcess.QUARTER.require(execution)).orElseThrow());
  }
}
