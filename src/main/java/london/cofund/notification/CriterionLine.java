package london.cofund.notification;

/**
 * One screened criterion of a proposal, as the applicant reads it.
 *
 * @param code the criterion's code, for example {@code LONDON} (see docs/eligibility.md)
 * @param passed whether the proposal meets it
 * @param reason one sentence naming what the proposal has and what it lacks
 */
public record CriterionLine(String code, boolean passed, String reason) {}
