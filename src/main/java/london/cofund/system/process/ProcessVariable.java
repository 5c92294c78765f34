package london.cofund.system.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable: its name, its type, and who may write it. Each process's constants class
 * declares one handle per variable; code reads and writes through the handle, so nothing is cast
 * from {@code Object} at the call site and nobody can mistake a person's input for a fact the
 * process relies on.
 *
 * <ul>
 *   <li>{@link #owned}: written only by CoFund (ids, groups, deadlines, decided outcomes). No form
 *       may declare it, which {@code DeclaredInputsTest} checks against the models.
 *   <li>{@link #input}: a field of a task's form, written by a person. Read it with the checks of
 *       {@link ProcessVariables}, which accept what Tasklist and engine-rest send.
 * </ul>
 *
 * @param <T> the value's type
 */
public final class ProcessVariable<T> {

  /** Who writes the variable. */
  public enum Writer {
    /** Only CoFund: a delegate, a task rule, or the API starting a process. */
    PROCESS,
    /** A person, through a task's form (and only through it: see the door guard). */
    USER
  }

  private final String name;
  private final Class<T> type;
  private final Writer writer;

  private ProcessVariable(String name, Class<T> type, Writer writer) {
    this.name = name;
    this.type = type;
    this.writer = writer;
  }

  /** A variable that only CoFund writes. */
  public static <T> ProcessVariable<T> owned(String name, Class<T> type) {
    return new ProcessVariable<>(name, type, Writer.PROCESS);
  }

  /** A field of a task's form, written by a person. */
  public static <T> ProcessVariable<T> input(String name, Class<T> type) {
    return new ProcessVariable<>(name, type, Writer.USER);
  }

  /** A list that only CoFund writes (groups, slots, codes). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <E> ProcessVariable<java.util.List<E>> ownedList(String name) {
    return new ProcessVariable<>(name, (Class) java.util.List.class, Writer.PROCESS);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  public Writer writer() {
    return writer;
  }

  public boolean userWritable() {
    return writer == Writer.USER;
  }

  /** The value, or null; a value of another type is a defect in the model, not a user's error. */
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (type == Integer.class && value instanceof Number number) {
      return type.cast(number.intValue());
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Variable "
              + name
              + " holds a "
              + value.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return type.cast(value);
  }

  /** The value, which must be there: the process set it before this step. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Variable " + name + " is not set here");
    }
    return value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ", " + writer + ")";
  }
}
