package london.cofund.boroughfunding.api;

import java.util.List;
import java.util.Locale;
import london.cofund.system.Formats;

/**
 * How the borough pages write their figures: money as elsewhere ({@link Formats#money}) but with a
 * true minus sign, a change with its sign (−£597,240, −56%), and statuses and scopes in words.
 */
final class BoroughFormats {

  static final BoroughFormats INSTANCE = new BoroughFormats();

  /** U+2212, which screen readers read as "minus" (a hyphen they may skip). */
  static final String MINUS = "\u2212";

  private BoroughFormats() {}

  /** £473,766; −£12,000 below zero; "-" for none. */
  public String money(Long amount) {
    if (amount == null || amount >= 0) {
      return Formats.money(amount);
    }
    return MINUS + Formats.money(-amount);
  }

  /** A change: +£1,816,297, −£597,240, £0; empty for none. */
  public String change(Long change) {
    if (change == null) {
      return "";
    }
    return (change > 0 ? "+" : "") + money(change);
  }

  /** A change in percent: +10%, −56%, 0%; empty for none. */
  public String percent(Integer percent) {
    if (percent == null) {
      return "";
    }
    return (percent > 0 ? "+" : percent < 0 ? MINUS : "") + Math.abs(percent) + "%";
  }

  /** {@code AWAITING_EOI_FEEDBACK} as "Awaiting EOI feedback". */
  public String status(String status) {
    if (status == null || status.isEmpty()) {
      return "";
    }
    String words = status.replace('_', ' ').toLowerCase(Locale.UK).replace("eoi", "EOI");
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** {@code SUB_REGIONAL} as "Sub-regional", {@code PAN_LONDON} as "Pan-London". */
  public String scope(String scope) {
    return switch (scope) {
      case "PAN_LONDON" -> "Pan-London";
      case "SUB_REGIONAL" -> "Sub-regional";
      default -> status(scope);
    };
  }

  public String years(List<String> years) {
    return String.join(", ", years);
  }
}
