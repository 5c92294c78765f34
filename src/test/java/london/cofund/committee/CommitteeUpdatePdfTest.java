package london.cofund.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import london.cofund.CoFundSpringTest;
import london.cofund.boroughfunding.BoroughFunding;
import london.cofund.boroughfunding.BoroughFunding.YearGap;
import london.cofund.boroughfunding.BoroughFundingService;
import london.cofund.boroughfunding.ServiceAtRiskRequest;
import london.cofund.boroughfunding.ServicesAtRiskService;
import london.cofund.fixtures.Fixtures;
import london.cofund.identity.CurrentUser;
import london.cofund.identity.Roles;
import london.cofund.system.Formats;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The committee update as PDF, laid out by OpenHTMLtoPDF and read back with PDFBox: the round's
 * name, the borough's bids, its allocations and its gap before and after are in the text, £ signs
 * included, and so are the questions they raise.
 */
@CoFundSpringTest
class CommitteeUpdatePdfTest {

  static final String WANDSWORTH = "E09000032";

  @Autowired ApplicationContext context;
  @Autowired CommitteeUpdateService updates;
  @Autowired CommitteeUpdatePdf pdf;
  @Autowired BoroughFundingService funding;
  @Autowired ServicesAtRiskService services;

  private String roundId;

  @AfterEach
  void cleanUp() {
    new CommitteeRounds(context).cleanUp(roundId);
  }

  @Test
  void aChangedUpdateIsLaidOutAfresh() throws IOException {
    CommitteeRounds.Scenario round = new CommitteeRounds(context).published("CU-PDF");
    roundId = round.roundId();
    byte[] first = pdf.render(updates.build(roundId, Fixtures.WESTMINSTER));
    assertThat(pdf.render(updates.build(roundId, Fixtures.WESTMINSTER)))
        .as("the same update, the same PDF")
        .isEqualTo(first);

    String second =
        new london.cofund.fixtures.FundDriver(context)
            .submit(
                roundId,
                Fixtures.eligibleEoi("Second bid", london.cofund.fixtures.FundDriver.CONTACT),
                "applicant2");
    byte[] changed = pdf.render(updates.build(roundId, Fixtures.WESTMINSTER));
    assertThat(text(first)).doesNotContain(second);
    assertThat(text(changed)).contains(round.bid(), second, "Second bid");
  }

  @Test
  void westminstersPdfHasTheRoundItsBidItsAllocationsAndItsGap() throws IOException {
    CommitteeRounds.Scenario round = new CommitteeRounds(context).published("CU-PDF");
    roundId = round.roundId();

    CommitteeUpdate update = updates.build(roundId, Fixtures.WESTMINSTER);
    byte[] bytes = pdf.render(update);
    // Kept for a reader to look at, as the browser tests keep their screenshots.
    Files.write(Path.of("target", "committee-update-westminster.pdf"), bytes);
    String text = text(bytes);

    // The title's words: a narrow table cell wraps them onto lines read between other cells'.
    for (String word : round.bidTitle().split(" ")) {
      assertThat(text).contains(word);
    }
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(text)
        .contains(
            "Committee update for Westminster",
            round.name(),
            "£10,000,000",
            "The funding prospectus",
            "The market development sessions",
            round.bid(),
            "Advance",
            "£1,200,000",
            // The seed's Table 1: Westminster's allocation, and its fall of 56%.
            "£1,071,006",
            "£473,766",
            "down £597,240 (56%)");
    BoroughFunding westminster = funding.get(Fixtures.WESTMINSTER, mopac());
    assertThat(westminster.gapByYear()).isNotEmpty();
    for (YearGap year : westminster.gapByYear()) {
      assertThat(text)
          .contains(
              year.financialYear(),
              Formats.money(year.servicesAtRisk()),
              Formats.money(year.gapLeft()));
    }
    assertThat(update.decisionPoints().get(0).reachedAt()).isNotNull();
  }

  @Test
  void aBoroughWithAServiceAtRiskAndNoBidIsAskedHowItsGapWillBeMet() throws IOException {
    CommitteeRounds.Scenario round = new CommitteeRounds(context).published("CU-GAP");
    roundId = round.roundId();
    services.record(
        WANDSWORTH,
        new ServiceAtRiskRequest(
            "Wandsworth youth outreach", "YOUTH_OFFENDING", 250_000L, List.of("2018/19"), null),
        new CurrentUser("wandsworth-officer", Set.of(Roles.boroughGroup(WANDSWORTH))));
    long gapLeft =
        funding.get(WANDSWORTH, mopac()).gapByYear().stream()
            .filter(y -> y.financialYear().equals("2018/19"))
            .findFirst()
            .orElseThrow()
            .gapLeft();
    assertThat(gapLeft).isGreaterThanOrEqualTo(250_000L);

    String text = text(pdf.render(updates.build(roundId, WANDSWORTH)));

    assertThat(text)
        .contains(
            "Committee update for Wandsworth",
            round.name(),
            "No bid in this round is delivered in Wandsworth",
            "How will the remaining " + Formats.money(gapLeft) + " gap in 2018/19 be met?",
            "No bid is linked to \"Wandsworth youth outreach\" (£250,000 a year)",
            "is a partnership preparing one before the EOI deadline")
        .doesNotContain(round.bid());
  }

  /** The PDF's text in reading order, each run of white space as one space. */
  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      // In reading order: the words of a line are laid out as separate runs.
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }

  private static CurrentUser mopac() {
    return new CurrentUser("mopac", Set.of(Roles.MOPAC));
  }
}
