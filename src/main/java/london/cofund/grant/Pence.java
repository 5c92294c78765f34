package london.cofund.grant;

import london.cofund.system.Formats;

/**
 * Money in whole pence, as a grant holds it: exact, never floating point. A proposal's amounts are
 * whole pounds; a grant's are those pounds times 100, so that a year split into quarters loses
 * nothing.
 */
public final class Pence {

  private Pence() {}

  /** Whole pounds as pence. */
  public static long ofPounds(long pounds) {
    return Math.multiplyExact(pounds, 100L);
  }

  /** £1,234.56, as every page and mail writes pence ({@link Formats#pence}). */
  public static String format(long pence) {
    return Formats.pence(pence);
  }

  /**
   * Splits an amount into {@code parts} shares that differ by at most a penny and add up to it
   * exactly; the earlier shares take the odd pennies.
   */
  public static long[] split(long pence, int parts) {
    long[] shares = new long[parts];
    long base = pence / parts;
    long rest = pence % parts;
    for (int i = 0; i < parts; i++) {
      shares[i] = base + (i < rest ? 1 : 0);
    }
    return shares;
  }
}
