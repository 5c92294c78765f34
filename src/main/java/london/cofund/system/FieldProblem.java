package london.cofund.system;

/**
 * One bad field of a request, as it appears in a 400's {@code errors} list.
 *
 * @param field the JSON path of the field, for example {@code partners[2].boroughCode}
 * @param message what is wrong with it, in words an applicant can act on
 */
public record FieldProblem(String field, String message) {}
