package london.cofund.round.api;

import java.net.URI;
import java.util.List;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.round.Round;
import london.cofund.round.RoundRequest;
import london.cofund.round.RoundService;
import london.cofund.round.process.FundingRounds;
import london.cofund.system.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/rounds}: MOPAC opens rounds; every signed-in user reads them. */
@RestController
@RequestMapping("/api/rounds")
class RoundController {

  private final FundingRounds fundingRounds;
  private final RoundService rounds;

  RoundController(FundingRounds fundingRounds, RoundService rounds) {
    this.fundingRounds = fundingRounds;
    this.rounds = rounds;
  }

  @PostMapping
  ResponseEntity<RoundView> open(@RequestBody RoundRequest request, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.isIn(Roles.MOPAC)) {
      throw new ForbiddenException("Only MOPAC opens funding rounds.");
    }
    Round round = fundingRounds.open(request, user.id());
    return ResponseEntity.created(URI.create("/api/rounds/" + round.roundId()))
        .body(view(round, user));
  }

  @GetMapping
  List<RoundView> all(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    return rounds.all().stream().map(round -> view(round, user)).toList();
  }

  @GetMapping("/{roundId}")
  RoundView one(@PathVariable String roundId, Authentication authentication) {
    return view(rounds.get(roundId), CurrentUser.of(authentication));
  }

  private RoundView view(Round round, CurrentUser user) {
    return RoundView.of(
        round,
        rounds.proposalCounts(round.roundId()),
        user.seesWholeFund(),
        rounds.workingGroupComments(round.roundId()).orElse(null),
        rounds.decisionReference(round.roundId()).orElse(null));
  }
}
