package london.cofund.boroughfunding.api;

import java.nio.charset.StandardCharsets;
import london.cofund.boroughfunding.AllocationService;
import london.cofund.boroughfunding.AllocationUpload;
import london.cofund.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/funds/{fundId}/allocations}: MOPAC uploads direct borough allocations as CSV.
 * The only {@code /api} door that takes a body other than JSON (see {@code JsonBodyFilter}).
 */
@RestController
class AllocationController {

  static final String TEXT_CSV = "text/csv";

  private final AllocationService allocations;

  AllocationController(AllocationService allocations) {
    this.allocations = allocations;
  }

  @PostMapping(path = "/api/funds/{fundId}/allocations", consumes = TEXT_CSV)
  AllocationUpload upload(
      @PathVariable String fundId,
      @RequestBody(required = false) byte[] csv,
      Authentication authentication) {
    // Read as UTF-8 whatever charset the client names (or omits): GSS codes, years and amounts are
    // ASCII, and a spreadsheet's byte order mark is dropped by the reader.
    String text = csv == null ? "" : new String(csv, StandardCharsets.UTF_8);
    return allocations.upload(fundId, text, CurrentUser.of(authentication));
  }
}
