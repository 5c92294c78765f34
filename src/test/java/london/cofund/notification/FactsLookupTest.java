package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class FactsLookupTest {

  private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
  private final FactsLookup lookup = new FactsLookup(beans.getBeanProvider(FundFacts.class));

  /** Knows rounds only, as a round package's implementation might. */
  private static final class Rounds implements FundFacts {
    @Override
    public Optional<RoundFacts> round(String roundId) {
      return Optional.of(Samples.round(roundId));
    }

    @Override
    public Optional<ProposalFacts> proposal(String reference) {
      return Optional.empty();
    }
  }

  @Test
  void withoutAnyImplementationAMessageSaysWhatIsMissing() {
    assertThat(lookup.round("r1")).isEmpty();
    assertThatIllegalStateException()
        .isThrownBy(() -> lookup.requireProposal("P-1"))
        .withMessageContaining(
            "Proposal 'P-1' is unknown to CoFund: no FundFacts bean is installed");
  }

  @Test
  void eachImplementationIsAskedUntilOneKnows() {
    TestFundFacts proposals = new TestFundFacts();
    proposals.put(Samples.proposal("test-P-1", "r1", "Title", "abi@example.org"));
    beans.registerSingleton("rounds", new Rounds());
    beans.registerSingleton("proposals", proposals);

    assertThat(lookup.requireRound("r1").roundId()).isEqualTo("r1");
    assertThat(lookup.requireProposal("test-P-1").title()).isEqualTo("Title");
    assertThatIllegalStateException()
        .isThrownBy(() -> lookup.requireProposal("P-2"))
        .withMessageContaining("unknown to every FundFacts bean (Rounds, TestFundFacts)");
  }
}
