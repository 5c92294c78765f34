package london.cofund.round;

/**
 * A funding priority of a round's long list, for example {@code FEMALE_OFFENDING}, "Female
 * offending".
 */
public record Priority(String code, String title) {}
