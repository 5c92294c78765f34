package london.cofund.system.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import london.cofund.CoFundSpringTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link FilterReadOnce}: a filter and its {@code READ} check are read once per request and user; a
 * refusal is made again, a command of the request that may write makes it read again, and the next
 * request (or a call outside one) reads afresh.
 */
@CoFundSpringTest
class FilterReadOnceTest {

  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  String filterId;
  String grantId;

  @BeforeEach
  void aFilterNobodyMayRead() {
    Filter filter = filters.newTaskFilter("Read once " + System.nanoTime());
    filter.setQuery(tasks.createTaskQuery());
    filterId = filters.saveFilter(filter).getId();
  }

  @AfterEach
  void cleanUp() {
    RequestContextHolder.resetRequestAttributes();
    identity.clearAuthentication();
    if (grantId != null) {
      authorizations.deleteAuthorization(grantId);
    }
    filters.deleteFilter(filterId);
  }

  @Test
  void withinOneRequestTheFirstReadIsUsedAgainAndTheNextRequestReadsAfresh() {
    grantRead();
    newRequest();
    identity.setAuthentication("westminster", groups());
    assertThat(filters.getFilter(filterId).getId()).isEqualTo(filterId);

    // Removed behind the engine's back: no command of this request wrote anything.
    jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ = ?", grantId);
    grantId = null;
    assertThat(filters.getFilter(filterId).getId())
        .as("the same request: the check made at its start")
        .isEqualTo(filterId);

    newRequest();
    assertThatThrownBy(() -> filters.getFilter(filterId))
        .as("the next request checks again")
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aGrantRemovedByACommandOfTheRequestIsSeenByItsNextRead() {
    grantRead();
    newRequest();
    identity.setAuthentication("westminster", groups());
    filters.getFilter(filterId);

    revokeGrant();
    assertThatThrownBy(() -> filters.getFilter(filterId))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aRefusalIsNotKeptWithinTheRequest() {
    newRequest();
    identity.setAuthentication("westminster", groups());
    assertThatThrownBy(() -> filters.getFilter(filterId))
        .isInstanceOf(AuthorizationException.class);

    identity.clearAuthentication();
    grantRead();
    identity.setAuthentication("westminster", groups());
    assertThat(filters.getFilter(filterId).getId()).isEqualTo(filterId);
  }

  @Test
  void anotherUserInTheSameRequestIsCheckedForThemselves() {
    newRequest();
    grantRead();
    identity.setAuthentication("westminster", groups());
    filters.getFilter(filterId);

    identity.setAuthentication("camden", List.of("borough-E09000007"));
    assertThatThrownBy(() -> filters.getFilter(filterId))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void outsideARequestEveryReadIsChecked() {
    grantRead();
    identity.setAuthentication("westminster", groups());
    assertThat(filters.getFilter(filterId).getId()).isEqualTo(filterId);

    revokeGrant();
    assertThatThrownBy(() -> filters.getFilter(filterId))
        .isInstanceOf(AuthorizationException.class);
  }

  void newRequest() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
  }

  void grantRead() {
    identity.clearAuthentication();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("westminster");
    grant.setResource(Resources.FILTER);
    grant.setResourceId(filterId);
    grant.addPermission(Permissions.READ);
    grantId = authorizations.saveAuthorization(grant).getId();
  }

  void revokeGrant() {
    var who = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    authorizations.deleteAuthorization(grantId);
    grantId = null;
    identity.setAuthentication(who);
  }

  static List<String> groups() {
    return List.of("borough-E09000033");
  }
}
