package london.cofund.fund.api;

import java.net.URI;
import java.util.List;
import london.cofund.fund.Fund;
import london.cofund.fund.FundChange;
import london.cofund.fund.FundRequest;
import london.cofund.fund.FundService;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.system.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/funds}: MOPAC creates and maintains funds, with a reason for each change; every
 * signed-in user reads them, since a fund's figures are public money.
 */
@RestController
@RequestMapping("/api/funds")
class FundController {

  private final FundService funds;

  FundController(FundService funds) {
    this.funds = funds;
  }

  @PostMapping
  ResponseEntity<FundView> create(@RequestBody FundRequest request, Authentication authentication) {
    Fund fund = funds.create(request, mopac(authentication, "creates"));
    return ResponseEntity.created(URI.create("/api/funds/" + fund.fundId()))
        .body(FundView.of(funds.position(fund.fundId())));
  }

  @GetMapping
  List<FundView> all() {
    return funds.all().stream().map(f -> FundView.of(funds.position(f.fundId()))).toList();
  }

  @GetMapping("/{fundId}")
  FundView one(@PathVariable String fundId) {
    return FundView.of(funds.position(fundId));
  }

  @PutMapping("/{fundId}")
  FundView update(
      @PathVariable String fundId,
      @RequestBody FundRequest request,
      Authentication authentication) {
    funds.update(fundId, request, mopac(authentication, "changes"));
    return FundView.of(funds.position(fundId));
  }

  /** Every change to the fund, oldest first: field, old and new value, reason, who and when. */
  @GetMapping("/{fundId}/changes")
  List<FundChange> changes(@PathVariable String fundId) {
    return funds.changes(fundId);
  }

  private static String mopac(Authentication authentication, String verb) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.isIn(Roles.MOPAC)) {
      throw new ForbiddenException("Only MOPAC " + verb + " funds.");
    }
    return user.id();
  }
}
