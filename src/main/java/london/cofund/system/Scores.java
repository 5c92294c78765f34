package london.cofund.system;

import java.math.BigDecimal;

/**
 * The assessment scale, said once: five criteria, each scored 1 to 5, so a total of 5 to 25. Rounds
 * set their fundable threshold on it, the optimiser weighs totals on it, and every text that quotes
 * a score says "of 25" through {@link #ofTotal}.
 */
public final class Scores {

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
  public static final int MIN_TOTAL = 5;
  public static final int MAX_TOTAL = 25;

  /** For annotations, which need constants: {@code @DecimalMax(Scores.MAX_TOTAL_TEXT)}. */
  public static final String MIN_TOTAL_TEXT = "5";

  public static final String MAX_TOTAL_TEXT = "25";

  private Scores() {}

  /** A total as people read it: "17.5 of 25". */
  public static String ofTotal(BigDecimal total) {
    return Formats.score(total) + " of " + MAX_TOTAL;
  }
}
