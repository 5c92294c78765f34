package london.cofund.system.process;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Engine-rest answers a refused task completion with a 500 of its own making; the filter turns that,
 * and only that, into a 400. (End to end: {@code FundEndToEndTest}, the panel's decision without a
 * rationale.)
 */
class RefusalStatusFilterTest {

  private final RefusalStatusFilter filter = new RefusalStatusFilter();

  @Test
  void aServerErrorAfterARefusalBecomesABadRequest() throws Exception {
    assertThat(statusAfter(response -> {
      RefusalStatusFilter.refused();
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    })).isEqualTo(400);
  }

  @Test
  void aServerErrorWithoutARefusalStaysOne() throws Exception {
    assertThat(statusAfter(response -> response.setStatus(500))).isEqualTo(500);
    assertThat(statusAfter(response -> response.sendError(500))).isEqualTo(500);
  }

  @Test
  void otherStatusesPassUntouchedAfterARefusal() throws Exception {
    assertThat(statusAfter(response -> {
      RefusalStatusFilter.refused();
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    })).isEqualTo(403);
  }

  @Test
  void aRefusalOutsideTheFilteredRequestIsForgotten() throws Exception {
    RefusalStatusFilter.refused();
    assertThat(statusAfter(response -> response.setStatus(500))).isEqualTo(500);
  }

  private interface Answer {
    void write(HttpServletResponse response) throws Exception;
  }

  private int statusAfter(Answer answer) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain chain = (request, wrapped) -> {
      try {
        answer.write((HttpServletResponse) wrapped);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    filter.doFilter(new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"), response, chain);
    return response.getStatus();
  }
}
