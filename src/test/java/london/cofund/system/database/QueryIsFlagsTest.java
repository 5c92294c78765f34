package london.cofund.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link QueryIsFlags}: MyBatis's tests of a query's {@code isSomething} flags answer what the
 * flag's method answers, and everything else is left to OGNL.
 */
class QueryIsFlagsTest {

  final ExpressionEvaluator mybatis = new ExpressionEvaluator();

  @BeforeAll
  static void installed() {
    new QueryIsFlags().preInit(null);
  }

  @Test
  void aQueryFlagAnswersWhatItsMethodAnswers() throws Exception {
    TaskQueryImpl plain = new TaskQueryImpl();
    TaskQueryImpl or = (TaskQueryImpl) new TaskQueryImpl().or();
    TaskQueryImpl withoutTenant = (TaskQueryImpl) new TaskQueryImpl().withoutTenantId();

    for (TaskQueryImpl query : new TaskQueryImpl[] {plain, or, withoutTenant}) {
      assertThat(test("query.isOrQueryActive", query)).isEqualTo(query.isOrQueryActive());
      assertThat(test("query.isWithoutTenantId", query)).isEqualTo(query.isWithoutTenantId());
    }
    assertThat(test("query.isOrQueryActive", or)).isTrue();
    assertThat(test("query.isWithoutTenantId", withoutTenant)).isTrue();
    assertThat(QueryIsFlags.ACCESSOR.flag(TaskQueryImpl.class, "isOrQueryActive")).isNotNull();
    assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class))
        .as("the accessor MyBatis's OGNL uses for the engine's queries")
        .isSameAs(QueryIsFlags.ACCESSOR);
  }

  @Test
  void otherNamesAreLeftToOgnl() {
    TaskQueryImpl query = (TaskQueryImpl) new TaskQueryImpl().taskAssignee("westminster");

    assertThat(test("query.assignee != null", query)).isTrue();
    assertThat(test("query.taskIdIn != null", query)).isFalse();
    assertThat(QueryIsFlags.ACCESSOR.flag(TaskQueryImpl.class, "assignee")).isNull();
    assertThat(QueryIsFlags.ACCESSOR.flag(TaskQueryImpl.class, "isolated")).isNull();
  }

  @Test
  void aFlagWithAGetterOfItsOwnIsLeftToOgnl() {
    assertThat(QueryIsFlags.ACCESSOR.flag(WithGetter.class, "isOrQueryActive")).isNull();
    assertThat(test("query.isOrQueryActive", new WithGetter()))
        .as("OGNL's getter, getIsOrQueryActive")
        .isTrue();
  }

  boolean test(String expression, Object query) {
    return mybatis.evaluateBoolean(expression, Map.of("query", query));
  }

  /** A query whose flag has a getter of its own, which OGNL prefers. */
  public static class WithGetter extends TaskQueryImpl {
    public boolean getIsOrQueryActive() {
      return true;
    }
  }
}
