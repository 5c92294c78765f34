package london.cofund.system.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Variables read however a client sent them (Tasklist forms send numbers and JSON lists,
 * engine-rest clients may send strings), and refused naming the variable when they cannot be read.
 */
class ProcessVariablesTest {

  @Nested
  class Strings {

    @Test
    void areTrimmedAndBlankIsAbsent() {
      assertThat(ProcessVariables.string(scope("a", "  text "), "a")).isEqualTo("text");
      assertThat(ProcessVariables.string(scope("a", "   "), "a")).isNull();
      assertThat(ProcessVariables.string(scope(), "a")).isNull();
      assertThat(ProcessVariables.string(scope("a", 42), "a")).isEqualTo("42");
    }

    @Test
    void aRequiredStringMustBeThereAndWithinItsLimitInCharactersNotUtf16Units() {
      assertThat(ProcessVariables.requiredString(scope("a", "abc"), "a", 3)).isEqualTo("abc");
      // Three emoji are three characters, six UTF-16 units.
      assertThat(ProcessVariables.requiredString(scope("a", "😀😀😀"), "a", 3)).isEqualTo("😀😀😀");
      assertRefused(
          () -> ProcessVariables.requiredString(scope("a", " "), "a", 3), "a", "is required");
      assertRefused(
          () -> ProcessVariables.requiredString(scope("a", "abcd"), "a", 3),
          "a",
          "is longer than 3 characters");
    }

    @Test
    void anOptionalStringMayBeAbsentButNotTooLong() {
      assertThat(ProcessVariables.optionalString(scope(), "a", 3)).isNull();
      assertThat(ProcessVariables.optionalString(scope("a", "abc"), "a", 3)).isEqualTo("abc");
      assertRefused(
          () -> ProcessVariables.optionalString(scope("a", "abcd"), "a", 3),
          "a",
          "is longer than 3 characters");
    }
  }

  @Nested
  class Booleans {

    @Test
    void areTrueOrFalseAsBooleansOrText() {
      assertThat(ProcessVariables.requiredBoolean(scope("b", true), "b")).isTrue();
      assertThat(ProcessVariables.requiredBoolean(scope("b", false), "b")).isFalse();
      assertThat(ProcessVariables.requiredBoolean(scope("b", "TRUE"), "b")).isTrue();
      assertThat(ProcessVariables.requiredBoolean(scope("b", "false"), "b")).isFalse();
    }

    @Test
    void anythingElseIsRefusedSayingWhatIsWanted() {
      assertRefused(
          () -> ProcessVariables.requiredBoolean(scope(), "b"), "b", "is required (true or false)");
      assertRefused(
          () -> ProcessVariables.requiredBoolean(scope("b", "yes"), "b"),
          "b",
          "must be true or false");
      assertRefused(
          () -> ProcessVariables.requiredBoolean(scope("b", 1), "b"), "b", "must be true or false");
    }
  }

  @Nested
  class Numbers {

    @Test
    void wholeNumbersComeAsNumbersOrText() {
      assertThat(ProcessVariables.optionalInteger(scope("n", 7), "n")).isEqualTo(7);
      assertThat(ProcessVariables.optionalInteger(scope("n", 7L), "n")).isEqualTo(7);
      assertThat(ProcessVariables.optionalInteger(scope("n", 7.0d), "n")).isEqualTo(7);
      assertThat(ProcessVariables.optionalInteger(scope("n", " 12 "), "n")).isEqualTo(12);
      assertThat(ProcessVariables.optionalInteger(scope("n", new BigDecimal("3")), "n"))
          .isEqualTo(3);
    }

    @Test
    void anAbsentOrBlankNumberIsNull() {
      assertThat(ProcessVariables.optionalInteger(scope(), "n")).isNull();
      assertThat(ProcessVariables.optionalInteger(scope("n", " "), "n")).isNull();
      assertThat(ProcessVariables.optionalDecimal(scope(), "n")).isNull();
      assertThat(ProcessVariables.optionalDecimal(scope("n", ""), "n")).isNull();
    }

    @Test
    void aFractionIsNotAWholeNumberAndTextIsNotANumber() {
      assertRefused(
          () -> ProcessVariables.optionalInteger(scope("n", 2.5d), "n"),
          "n",
          "must be a whole number");
      assertRefused(
          () -> ProcessVariables.optionalInteger(scope("n", "lots"), "n"), "n", "must be a number");
      assertRefused(
          () -> ProcessVariables.optionalDecimal(scope("n", "1,5"), "n"), "n", "must be a number");
    }

    @Test
    void decimalsKeepTheirExactValue() {
      assertThat(ProcessVariables.optionalDecimal(scope("n", 20.5d), "n"))
          .isEqualTo(new BigDecimal("20.5"));
      assertThat(ProcessVariables.optionalDecimal(scope("n", "20.25"), "n"))
          .isEqualTo(new BigDecimal("20.25"));
      BigDecimal exact = new BigDecimal("0.10");
      assertThat(ProcessVariables.optionalDecimal(scope("n", exact), "n")).isSameAs(exact);
    }
  }

  @Nested
  class DateTimes {

    @Test
    void isoTextWithAnOffsetKeepsIt() {
      assertThat(ProcessVariables.optionalDateTime(scope("d", "2017-08-14T17:00:00+01:00"), "d"))
          .isEqualTo(OffsetDateTime.of(2017, 8, 14, 17, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void textWithoutAnOffsetIsLondonTime() {
      assertThat(ProcessVariables.optionalDateTime(scope("d", " 2017-01-14T17:00 "), "d"))
          .isEqualTo(OffsetDateTime.of(2017, 1, 14, 17, 0, 0, 0, ZoneOffset.UTC));
      assertThat(ProcessVariables.optionalDateTime(scope("d", "2017-08-14T17:00"), "d"))
          .isEqualTo(OffsetDateTime.of(2017, 8, 14, 17, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void aDateAloneIsTheStartOfThatDayInLondon() {
      assertThat(ProcessVariables.optionalDateTime(scope("d", "2017-08-14"), "d"))
          .isEqualTo(OffsetDateTime.of(2017, 8, 14, 0, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void aJavaDateIsReadInLondonTime() {
      Date date = Date.from(OffsetDateTime.parse("2017-08-14T16:00:00Z").toInstant());
      assertThat(ProcessVariables.optionalDateTime(scope("d", date), "d"))
          .isEqualTo(OffsetDateTime.of(2017, 8, 14, 17, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void absentOrBlankIsNull() {
      assertThat(ProcessVariables.optionalDateTime(scope(), "d")).isNull();
      assertThat(ProcessVariables.optionalDateTime(scope("d", "  "), "d")).isNull();
    }

    @Test
    void anythingElseIsRefusedWithAnExample() {
      assertRefused(
          () -> ProcessVariables.optionalDateTime(scope("d", "next Friday"), "d"),
          "d",
          "'next Friday' is not an ISO-8601 date-time such as 2017-08-14T17:00:00+01:00");
    }
  }

  @Nested
  class Lists {

    @Test
    void aJsonArrayInTextOrSpinOrAJavaCollectionIsAList() {
      assertThat(ProcessVariables.stringList(scope("l", "[\"CSE\", \"GANGS\"]"), "l"))
          .containsExactly("CSE", "GANGS");
      assertThat(ProcessVariables.stringList(scope("l", Spin.JSON("[\"CSE\",\"GANGS\"]")), "l"))
          .containsExactly("CSE", "GANGS");
      assertThat(ProcessVariables.stringList(scope("l", List.of("CSE", "GANGS")), "l"))
          .containsExactly("CSE", "GANGS");
    }

    @Test
    void aCommaOrLineSeparatedStringIsAList() {
      assertThat(ProcessVariables.stringList(scope("l", " CSE, GANGS\nSEXUAL_VIOLENCE "), "l"))
          .containsExactly("CSE", "GANGS", "SEXUAL_VIOLENCE");
    }

    @Test
    void blanksAndRepeatsAreDroppedAndEntriesTrimmed() {
      assertThat(ProcessVariables.stringList(scope("l", "CSE,, CSE , ,GANGS"), "l"))
          .containsExactly("CSE", "GANGS");
      assertThat(ProcessVariables.stringList(scope("l", Arrays.asList(" a ", null, "a", "b")), "l"))
          .containsExactly("a", "b");
      assertThat(ProcessVariables.stringList(scope("l", "[\"a\", null, \" \", 3]"), "l"))
          .containsExactly("a", "3");
    }

    @Test
    void formOptionsGiveTheirValue() {
      assertThat(
              ProcessVariables.stringList(
                  scope("l", "[{\"label\": \"Gangs\", \"value\": \"GANGS\"}, \"CSE\"]"), "l"))
          .containsExactly("GANGS", "CSE");
      assertThat(
              ProcessVariables.stringList(
                  scope("l", List.of(Map.of("label", "Gangs", "value", "GANGS"), Map.of("x", 1))),
                  "l"))
          .containsExactly("GANGS", "{x=1}");
    }

    @Test
    void anAbsentListIsEmptyAndCanBeAddedTo() {
      List<String> absent = ProcessVariables.stringList(scope(), "l");
      assertThat(absent).isEmpty();
      absent.add("usable");
      assertThat(absent).containsExactly("usable");
    }

    @Test
    void brokenJsonOrAnotherTypeIsRefused() {
      assertRefused(
          () -> ProcessVariables.stringList(scope("l", "[\"CSE\""), "l"),
          "l",
          "is neither a JSON array nor a comma-separated list");
      assertRefused(
          () -> ProcessVariables.stringList(scope("l", 42), "l"),
          "l",
          "must be a JSON array or a comma-separated string");
    }
  }

  @Test
  void aRefusalNamesTheVariable() {
    RefusedInput refused = ProcessVariables.invalid("shortlist", "is required");
    assertThat(refused.field()).isEqualTo("shortlist");
    assertThat(refused).hasMessage("shortlist: is required");
  }

  private static void assertRefused(Runnable read, String field, String message) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(RefusedInput.class, r -> assertThat(r.field()).isEqualTo(field))
        .hasMessage(field + ": " + message);
  }

  /**
   * A variable scope holding the given name-value pairs: only {@code getVariable} is answered,
   * which is all ProcessVariables may use.
   */
  private static VariableScope scope(Object... nameValuePairs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      variables.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return (VariableScope)
        Proxy.newProxyInstance(
            VariableScope.class.getClassLoader(),
            new Class<?>[] {VariableScope.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getVariable") && args.length == 1) {
                return variables.get((String) args[0]);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
