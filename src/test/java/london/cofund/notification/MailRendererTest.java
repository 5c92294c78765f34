package london.cofund.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every template, written without an engine: what each message says, and that it is safe. */
class MailRendererTest {

  private static final String LINK =
      "http://localhost:8080/tasks/open?processInstanceId=pi&taskKey=Task_X";
  private static final OffsetDateTime DUE = Samples.EOI_DEADLINE;

  private final Clock clock =
      Clock.fixed(Instant.parse("2017-08-16T09:00:00Z"), ZoneId.of("Europe/London"));
  private final MailRenderer renderer =
      new MailRenderer(new MailSettings("http://localhost:8080"), clock);
  private final RoundFacts round = Samples.round("test-round");
  private final ProposalFacts proposal =
      Samples.proposal("test-P-001", "test-round", "Advance Minerva", "abi@example.org");
  private final Recipient abi = new Recipient("abi@example.org", "Abi Lead", null);

  private RenderedMail render(MailTemplate template, ProposalFacts proposal) {
    ReminderTask task =
        new ReminderTask(
            "task-1",
            "Revise the EOI",
            "Proposal",
            DUE,
            "applicant1",
            List.of(),
            template == MailTemplate.TASK_REMINDER
                ? ReminderOccasion.LEAD
                : ReminderOccasion.OVERDUE,
            "http://localhost:8080/camunda/app/tasklist/default/#/?task=task-1");
    return renderer.render(
        new MailContent(template, round, proposal, Samples.round("test-round-2"), DUE, task),
        abi,
        LINK);
  }

  @ParameterizedTest
  // The portal's messages are about no round: PortalRegistrationTest and PortalCollaboratorsTest
  // read them. A variation's decision needs the variation (variationDecidedSaysWhatWasAskedAnd...).
  @EnumSource(
      value = MailTemplate.class,
      names = {"REGISTRATION_CONFIRMATION", "DRAFT_INVITATION", "VARIATION_DECIDED"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyMessageNamesTheRoundTheProposalTheDeadlineAndTheLink(MailTemplate template) {
    RenderedMail mail = render(template, proposal);

    assertThat(mail.subject()).startsWith("CoFund").doesNotContain("\n", "\r", "null");
    for (String body : List.of(mail.text(), mail.html())) {
      assertThat(body).contains("Abi Lead", "Co-commissioning fund 2018-21").doesNotContain("null");
      // The prospectus and the committee update are about a round, not a proposal.
      if (template != MailTemplate.PROSPECTUS_PUBLISHED
          && template != MailTemplate.COMMITTEE_UPDATE) {
        assertThat(body).contains("Advance Minerva", "test-P-001");
      }
      assertThat(body).contains("What you need to do");
    }
    assertThat(mail.text()).contains(LINK, "5pm on Monday 14 August 2017");
    assertThat(mail.html()).contains(LINK.replace("&", "&amp;"), "5pm on Monday 14 August 2017");
  }

  @Test
  void variationDecidedSaysWhatWasAskedTheDecisionAndMopacsReason() {
    RenderedMail declined =
        renderer.render(
            new MailContent(MailTemplate.VARIATION_DECIDED, round, proposal, null, null, null),
            abi,
            LINK,
            java.util.Map.of(
                "variation",
                new GrantVariations.DecidedVariation(
                    "END_DATE", false, "Six more months.", "The fund ends in March 2029.")));
    assertThat(declined.subject())
        .isEqualTo("CoFund: MOPAC declined the variation of \"Advance Minerva\" (test-P-001)");
    for (String body : List.of(declined.text(), declined.html())) {
      assertThat(body)
          .contains("Abi Lead", "declined", "extending the end date", "Six more months.")
          .contains("The fund ends in March 2029.", "What you need to do")
          .doesNotContain("null");
    }
    RenderedMail approved =
        renderer.render(
            new MailContent(MailTemplate.VARIATION_DECIDED, round, proposal, null, null, null),
            abi,
            LINK,
            java.util.Map.of(
                "variation",
                new GrantVariations.DecidedVariation(
                    "BUDGET", true, "Recruitment slipped.", null)));
    assertThat(approved.text())
        .contains("MOPAC has approved", "moving money between the years of the budget")
        .doesNotContain("MOPAC's reason", "null");
  }

  @Test
  void prospectusNamesThePotThePrioritiesAndTheEoiDeadline() {
    RenderedMail mail = render(MailTemplate.PROSPECTUS_PUBLISHED, null);

    assertThat(mail.subject())
        .isEqualTo("CoFund: prospectus published for Co-commissioning fund 2018-21 (tranche 1)");
    assertThat(mail.text())
        .contains("£10,000,000", "  - Female offending", "by 5pm on Monday 14 August 2017");
    assertThat(mail.html()).contains("<li>Youth offending</li>");
  }

  @Test
  void eoiReceivedListsEveryCriterionResult() {
    RenderedMail mail = render(MailTemplate.EOI_RECEIVED, proposal);

    assertThat(mail.text())
        .contains(
            "- Met: Based in London or of benefit solely to London (LONDON)",
            "- NOT MET: At least 3 partner agencies (PARTNERSHIP)",
            "only 2 distinct partner agencies (Advance, Camden Council)",
            "delivered in London boroughs only");
  }

  @Test
  void notEligibleGivesEveryFailedCriterionsReasonAndNoPassedOne() {
    RenderedMail mail = render(MailTemplate.EOI_NOT_ELIGIBLE, proposal);

    assertThat(mail.text())
        .contains(
            "(BOROUGH_COVERAGE): covers 2 boroughs (Camden, Westminster); sub-regional projects"
                + " must cover at least 3",
            "(PARTNERSHIP): only 2 distinct partner agencies (Advance, Camden Council); at least 3"
                + " are needed, the lead included",
            "resubmit it by 5pm on Monday 14 August 2017")
        .doesNotContain("(LONDON)", "(LEAD_AGENCY)");
    assertThat(mail.html()).contains("covers 2 boroughs").doesNotContain("LEAD_AGENCY");
  }

  @Test
  void eoiFeedbackGivesTheOutcomeAndTheText() {
    RenderedMail mail = render(MailTemplate.EOI_FEEDBACK, proposal);

    assertThat(mail.subject()).endsWith(": accepted with modification");
    assertThat(mail.text())
        .contains(
            "Outcome: accepted with modification",
            "Please add a third borough.",
            "make the changes the feedback asks for");

    RenderedMail rejected =
        render(MailTemplate.EOI_FEEDBACK, Samples.withEoiOutcome(proposal, "REJECT"));
    assertThat(rejected.subject()).endsWith(": rejected");
    assertThat(rejected.text())
        .contains("nothing more for this round")
        .doesNotContain("submit your full proposal");
  }

  @Test
  void fundedDecisionGivesTheAmountTheScoreAndTheReasons() {
    RenderedMail mail = render(MailTemplate.FUNDING_DECISION, proposal);

    assertThat(mail.subject())
        .isEqualTo(
            "CoFund: funding decision for \"Advance Minerva\" (test-P-001): funded, £1,234,567");
    assertThat(mail.text())
        .contains(
            "Decision: funded",
            "Award: £1,234,567 (you requested £2,996,940)",
            "Assessment score: 78.5",
            "Strong partnership; the <panel> liked it.",
            "grant agreement");
  }

  @Test
  void notFundedAndDeferredDecisionsSaySo() {
    RenderedMail notFunded =
        render(MailTemplate.FUNDING_DECISION, Samples.withFunding(proposal, "NOT_FUNDED", null));
    assertThat(notFunded.subject()).endsWith(": not funded");
    assertThat(notFunded.text())
        .contains("Decision: not funded", "Strong partnership")
        .doesNotContain("Award:", "£1,234,567");

    RenderedMail deferred =
        render(MailTemplate.FUNDING_DECISION, Samples.withFunding(proposal, "DEFERRED", null));
    assertThat(deferred.subject()).endsWith(": deferred to the next tranche");
    assertThat(deferred.text()).contains("carried forward to the next tranche");
  }

  @Test
  void reminderAndEscalationNameTheTaskAndWhenItIsDue() {
    RenderedMail reminder = render(MailTemplate.TASK_REMINDER, proposal);
    assertThat(reminder.subject())
        .isEqualTo("CoFund reminder: \"Revise the EOI\" is due Monday 14 August 2017 (test-P-001)");

    RenderedMail escalation = render(MailTemplate.OVERDUE_ESCALATION, proposal);
    assertThat(escalation.subject())
        .isEqualTo(
            "CoFund: overdue: \"Revise the EOI\" for test-P-001 was due Monday 14 August 2017");
    assertThat(escalation.text()).contains("overdue by 1 day", "It is with: user applicant1");
  }

  @Test
  void aTitleWithCrLfMakesOneSubjectLine() {
    ProposalFacts injected =
        Samples.proposal(
            "test-P-002",
            "test-round",
            "Youth work\r\nBcc: attacker@example.org",
            "abi@example.org");

    RenderedMail mail = render(MailTemplate.EOI_RECEIVED, injected);

    assertThat(mail.subject())
        .isEqualTo("CoFund: EOI received for \"Youth work Bcc: attacker@example.org\" (test-P-002)")
        .doesNotContain("\r", "\n");
  }

  @Test
  void userValuesAreEscapedInHtml() {
    ProposalFacts injected =
        Samples.proposal(
            "test-P-003", "test-round", "<script>alert('x')</script> & friends", "abi@example.org");

    RenderedMail mail = render(MailTemplate.EOI_FEEDBACK, injected);

    assertThat(mail.html())
        .doesNotContain("<script>", "<b>budget</b>")
        .contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends",
            "&lt;b&gt;budget&lt;/b&gt;");
    // Plain text is not HTML: it keeps the characters as typed.
    assertThat(mail.text()).contains("<script>alert('x')</script> & friends");
  }
}
