package london.cofund.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The one door of {@code /api} that takes a body other than JSON: a POST of {@code text/csv} to
 * {@code /api/funds/{fundId}/allocations}, and nothing else.
 */
class JsonBodyFilterTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "POST, /api/funds/LCPF-2017/allocations, text/csv, true",
    "POST, /api/funds/LCPF-2017/allocations, text/csv; charset=utf-8, true",
    "POST, /api/funds/LCPF-2017/allocations, TEXT/CSV, true",
    "PUT, /api/funds/LCPF-2017/allocations, text/csv, false",
    "POST, /api/funds/LCPF-2017/allocations, text/plain, false",
    "POST, /api/funds/LCPF-2017/allocations, text/*, false",
    "POST, /api/funds/LCPF-2017/allocations, text/csv+json, false",
    "POST, /api/funds/LCPF-2017/allocations, not a type, false",
    "POST, /api/funds/LCPF-2017/allocations/extra, text/csv, false",
    "POST, /api/funds/allocations, text/csv, false",
    "POST, /api/rounds, text/csv, false",
    "POST, /api/boroughs/E09000033/services-at-risk, text/csv, false",
  })
  void onlyAPostOfCsvToTheAllocationsUploadIsLetThrough(
      String method, String path, String contentType, boolean letThrough) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    request.setContentType(contentType);

    assertThat(JsonBodyFilter.isCsvUpload(request)).isEqualTo(letThrough);
    assertThat(JsonBodyFilter.isJson(contentType)).isFalse();
  }
}
