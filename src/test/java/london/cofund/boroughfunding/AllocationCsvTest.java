package london.cofund.boroughfunding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allocations upload is read whole: each bad line and field is named, in line order. */
class AllocationCsvTest {

  static final List<String> LCPF = List.of("2017/18", "2018/19", "2019/20", "2020/21");

  @Test
  void readsRowsWithAByteOrderMarkWindowsLineEndsAndATrailingNewline() {
    List<AllocationCsv.Row> rows =
        AllocationCsv.read(
            "\uFEFFgssCode,financialYear,amount\r\nE09000033,2018/19,473766\r\n"
                + "E09000007, 2019/20 ,0\r\n",
            LCPF);

    assertThat(rows)
        .containsExactly(
            new AllocationCsv.Row(2, "E09000033", "2018/19", 473_766),
            new AllocationCsv.Row(3, "E09000007", "2019/20", 0));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "E09000099,2018/19,1 | line 2: gssCode | not the GSS code of one of the 32",
        "E09000001,2018/19,1 | line 2: gssCode | City of London",
        "E12000007,2018/19,1 | line 2: gssCode | London as a whole",
        "e09000033,2018/19,1 | line 2: gssCode | not the GSS code",
        "E09000033,2018-19,1 | line 2: financialYear | a financial year such as 2018/19",
        "E09000033,2018/20,1 | line 2: financialYear | a financial year such as 2018/19",
        "E09000033,2021/22,1 | line 2: financialYear | outside the fund's years, 2017/18 to 2020/21",
        "E09000033,2018/19,-5 | line 2: amount | must not be negative",
        "E09000033,2018/19,1000.50 | line 2: amount | whole pounds",
        "E09000033,2018/19,100000001 | line 2: amount | at most £100,000,000",
        "E09000033,2018/19,99999999999999999999 | line 2: amount | at most £100,000,000",
        "E09000033,2018/19,£5 | line 2: amount | whole number of pounds",
        "E09000033,2018/19, | line 2: amount | is missing",
        "E09000033,2018/19,1,000 | line 2 | must have 3 fields",
      })
  void aBadRowIsNamedByLineAndField(String row, String field, String message) {
    assertThatThrownBy(() -> AllocationCsv.read(AllocationCsv.HEADER + "\n" + row + "\n", LCPF))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.field()).isEqualTo(field.strip());
                          assertThat(p.message()).contains(message.strip());
                        }));
  }

  @Test
  void aRepeatedBoroughAndYearNamesTheLineItRepeats() {
    String csv =
        AllocationCsv.HEADER
            + "\nE09000007,2019/20,100\nE09000012,2019/20,200\nE09000007,2019/20,300\n";

    assertThatThrownBy(() -> AllocationCsv.read(csv, LCPF))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new FieldProblem(
                            "line 4: gssCode",
                            "repeats E09000007 2019/20 from line 2: one row per borough and"
                                + " year")));
  }

  @Test
  void everyBadFieldOfEveryLineIsNamedAtOnce() {
    String csv =
        AllocationCsv.HEADER + "\nE09000007,2019/20,100\nX,2019-20,-1\n\nE09000033,2019/20,1\n";

    assertThatThrownBy(() -> AllocationCsv.read(csv, LCPF))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly(
                        "line 3: gssCode", "line 3: financialYear", "line 3: amount", "line 4"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | body",
        "'\n\n' | body",
        "'gssCode,financialYear,amount\n' | body",
        "'gss,year,amount\nE09000033,2018/19,1\n' | line 1: header",
        "'E09000033,2018/19,1\n' | line 1: header",
        "'gssCode,financialYear,amount,notes\n' | line 1: header",
      })
  void anEmptyFileOrAWrongHeaderIsRefused(String csv, String field) {
    assertThatThrownBy(() -> AllocationCsv.read(csv, LCPF))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field));
  }
}
