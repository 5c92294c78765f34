package london.cofund.system;

import java.util.List;

/** A request that is malformed or breaks a rule about its fields: a 400 naming each field. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  static String summary(List<FieldProblem> problems) {
    if (problems.size() == 1) {
      FieldProblem only = problems.get(0);
      return only.field() + ": " + only.message();
    }
    return problems.size()
        + " fields are invalid: "
        + String.join(", ", problems.stream().map(FieldProblem::field).toList());
  }
}
