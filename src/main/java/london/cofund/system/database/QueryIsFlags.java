package london.cofund.system.database;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Answers the engine's query flags named {@code isSomething} in its SQL mappings from a cached
 * method, as MyBatis would find them, only without searching for them every time.
 *
 * <p>The engine's task statement tests {@code query.isOrQueryActive} and {@code
 * query.isWithoutTenantId}. MyBatis evaluates such tests with OGNL, which looks for a getter of a
 * property called {@code isOrQueryActive} ({@code getIsOrQueryActive()}), finds none, and then
 * copies every public method of the query and compares its lower-cased name, on every evaluation:
 * 32 µs on the task query, which has hundreds of methods, against half a microsecond for a getter,
 * and a sixth of what a Tasklist list allocated ({@code docs/performance.md}, "Third pass").
 *
 * <p>For a query, a name of that form that is also the name of a public method without parameters
 * returning a {@code boolean} is answered by calling that method, as OGNL's search ends up doing.
 * Every other name goes to OGNL's own accessor, unchanged.
 */
@Component
class QueryIsFlags extends AbstractProcessEnginePlugin {

  /** OGNL's accessors are the whole JVM's: installed once, for the engine's queries. */
  static final Accessor ACCESSOR = new Accessor();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    OgnlRuntime.setPropertyAccessor(AbstractQuery.class, ACCESSOR);
  }

  /** OGNL's object accessor, with {@code isSomething} flags answered from a cache. */
  static final class Accessor extends ObjectPropertyAccessor {

    private final Map<Class<?>, Map<String, Optional<Method>>> flags = new ConcurrentHashMap<>();

    @Override
    public Object getProperty(OgnlContext context, Object target, Object name)
        throws OgnlException {
      if (target != null && name instanceof String property) {
        Method flag = flag(target.getClass(), property);
        if (flag != null) {
          try {
            return flag.invoke(target);
          } catch (ReflectiveOperationException e) {
            throw new OgnlException(property, e);
          }
        }
      }
      return super.getProperty(context, target, name);
    }

    /** The public method {@code boolean isSomething()} that this name is, or {@code null}. */
    Method flag(Class<?> type, String name) {
      if (name.length() < 3 || !name.startsWith("is") || !Character.isUpperCase(name.charAt(2))) {
        return null;
      }
      return flags
          .computeIfAbsent(type, t -> new ConcurrentHashMap<>())
          .computeIfAbsent(name, n -> find(type, n))
          .orElse(null);
    }

    private static Optional<Method> find(Class<?> type, String name) {
      String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      if (hasMethod(type, "get" + property) || hasMethod(type, "is" + property)) {
        // A getter of its own: OGNL finds it quickly and uses it, so OGNL answers.
        return Optional.empty();
      }
      try {
        Method method = type.getMethod(name);
        boolean flag =
            method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
        return flag && Modifier.isPublic(method.getModifiers())
            ? Optional.of(method)
            : Optional.empty();
      } catch (NoSuchMethodException e) {
        return Optional.empty();
      }
    }

    private static boolean hasMethod(Class<?> type, String name) {
      try {
        type.getMethod(name);
        return true;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
  }
}
