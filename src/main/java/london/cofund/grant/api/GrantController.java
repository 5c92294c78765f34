package london.cofund.grant.api;

import java.net.URI;
import java.util.List;
import london.cofund.grant.GrantService;
import london.cofund.grant.GrantSpending;
import london.cofund.grant.ReturnForm;
import london.cofund.grant.VariationRequest;
import london.cofund.grant.process.GrantSteps;
import london.cofund.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A grant after the award: read it; the lead's quarterly returns and variations; MOPAC's suspension
 * of payments. Errors are {@code application/problem+json} naming the field.
 */
@RestController
class GrantController {

  private final GrantSteps steps;
  private final GrantSpending spending;

  GrantController(GrantSteps steps, GrantSpending spending) {
    this.steps = steps;
    this.spending = spending;
  }

  /** Why MOPAC suspends payments. */
  record SuspensionRequest(String reason) {}

  /** A grant in a list: spend against budget, per year, in whole pence. */
  record GrantLine(
      String reference,
      String title,
      String roundId,
      String status,
      List<String> deliveryBoroughs,
      long awardPence,
      long paidPence,
      long returnedPence,
      List<GrantService.YearFigures> years) {
    static GrantLine of(GrantSpending.GrantSummary s) {
      return new GrantLine(
          s.proposal().reference(),
          s.proposal().title(),
          s.proposal().roundId(),
          s.record().grant().status().name(),
          s.proposal().deliveryBoroughs(),
          s.record().grant().awardPence(),
          s.record().paidPence(),
          s.record().returnedPence(),
          s.years());
    }
  }

  @GetMapping("/api/grants")
  List<GrantLine> visible(
      @RequestParam(required = false) String roundId,
      @RequestParam(required = false) String borough,
      Authentication authentication) {
    return spending.visible(CurrentUser.of(authentication), roundId, borough).stream()
        .map(GrantLine::of)
        .toList();
  }

  @GetMapping("/api/grants/{reference}")
  GrantView one(@PathVariable String reference, Authentication authentication) {
    return GrantView.of(steps.view(reference, CurrentUser.of(authentication)));
  }

  @PostMapping("/api/grants/{reference}/returns")
  ResponseEntity<GrantView> submitReturn(
      @PathVariable String reference, @RequestBody ReturnForm form, Authentication authentication) {
    GrantView view =
        GrantView.of(steps.submitReturn(reference, form, CurrentUser.of(authentication)));
    return ResponseEntity.created(URI.create("/api/grants/" + reference)).body(view);
  }

  @PostMapping("/api/grants/{reference}/variations")
  ResponseEntity<GrantView.VariationView> requestVariation(
      @PathVariable String reference,
      @RequestBody VariationRequest request,
      Authentication authentication) {
    var variation = steps.requestVariation(reference, request, CurrentUser.of(authentication));
    return ResponseEntity.created(URI.create("/api/grants/" + reference))
        .body(GrantView.VariationView.of(variation));
  }

  @PostMapping("/api/grants/{reference}/suspension")
  GrantView suspend(
      @PathVariable String reference,
      @RequestBody SuspensionRequest request,
      Authentication authentication) {
    return GrantView.of(steps.suspend(reference, request.reason(), CurrentUser.of(authentication)));
  }
}
