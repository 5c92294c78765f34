package london.cofund.committee;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import london.cofund.boroughfunding.BoroughFunding.YearAllocation;
import london.cofund.eligibility.Scope;
import london.cofund.proposal.ProposalStatus;
import london.cofund.round.DecisionPointStatus;
import london.cofund.round.RoundStage;
import london.cofund.system.EngineClock;
import london.cofund.system.Formats;

/**
 * How the committee update reads, on the page, in the PDF and in the email ({@code
 * ${format.money(...)}}): money as {@code £1,234,567}, dates as {@code Monday 14 August 2017} in
 * London, and the fund's codes in words. Only characters that the PDF's built-in fonts carry.
 */
public final class UpdateFormat {

  /** The one instance: it holds nothing. */
  public static final UpdateFormat INSTANCE = new UpdateFormat();

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private UpdateFormat() {}

  public String money(Long pounds) {
    return Formats.money(pounds);
  }

  /** {@code Monday 14 August 2017} in London time, or {@code none} for a missing date. */
  public String day(OffsetDateTime when) {
    return when == null ? "none" : DAY.format(when.atZoneSameInstant(EngineClock.LONDON));
  }

  /** How the allocation changed from the year before: "down £597,240 (56%)". */
  public String change(YearAllocation year) {
    if (year.change() == null) {
      return "";
    }
    long change = year.change();
    String percent =
        year.changePercent() == null ? "" : " (" + Math.abs(year.changePercent()) + "%)";
    if (change == 0) {
      return "no change";
    }
    return (change < 0 ? "down " : "up ") + Formats.money(Math.abs(change)) + percent;
  }

  public String pointStatus(DecisionPointStatus status) {
    return switch (status) {
      case DONE -> "Reached";
      case LATE -> "Late";
      case NEXT -> "Next";
      case UPCOMING -> "Upcoming";
    };
  }

  public String stage(RoundStage stage) {
    return switch (stage) {
      case PRIORITIES_CONSULTATION -> "Consulting the boroughs on priorities";
      case SHORTLISTING -> "Short-listing priorities";
      case PROSPECTUS_SIGN_OFF -> "Prospectus awaiting sign-off";
      case OPEN_FOR_EOIS -> "Open for expressions of interest";
      case FULL_PROPOSALS -> "Full proposals being written";
      case ASSESSMENT -> "Assessing full proposals";
      case FUNDING_DECISION -> "Funding decision being made";
      case AWARDS_SIGN_OFF -> "Awards awaiting sign-off";
      case ANNOUNCED -> "Awards announced";
    };
  }

  public String bidStatus(ProposalStatus status) {
    return switch (status) {
      case NOT_ELIGIBLE -> "Not eligible";
      case AWAITING_BOROUGH_SIGN_OFF -> "Awaiting the boroughs' sign-off";
      case AWAITING_EOI_FEEDBACK -> "Awaiting EOI feedback";
      case EOI_REJECTED -> "EOI rejected";
      case FULL_PROPOSAL_DUE -> "Full proposal due";
      case UNDER_ASSESSMENT -> "Under assessment";
      case ASSESSED -> "Assessed";
      case FUNDED -> "Funded";
      case NOT_FUNDED -> "Not funded";
      case DEFERRED -> "Deferred to the next tranche";
      case SERVICE_STARTED -> "Funded, service started";
      case AGREEMENT_FAILED -> "Funded, but the grant agreement failed";
      case WITHDRAWN -> "Withdrawn";
      case LAPSED -> "Lapsed";
    };
  }

  public String scope(Scope scope) {
    return scope == Scope.PAN_LONDON ? "Pan-London" : "Sub-regional";
  }
}
