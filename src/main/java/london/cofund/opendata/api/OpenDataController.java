package london.cofund.opendata.api;

import java.nio.charset.StandardCharsets;
import london.cofund.identity.CurrentUser;
import london.cofund.opendata.OpenDataService;
import london.cofund.opendata.ThreeSixtyGiving;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's open data: {@code export.csv}, every proposal with its screening, scores and outcome
 * (the fund's roles), and {@code 360giving.json}, the announced grants in the 360Giving standard
 * (everyone signed in).
 *
 * <p>Each sets its content type on the response rather than in {@code produces}, so that an error
 * is still {@code application/problem+json} whatever the client's {@code Accept} says.
 */
@RestController
@RequestMapping("/api/rounds/{roundId}")
class OpenDataController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final OpenDataService openData;

  OpenDataController(OpenDataService openData) {
    this.openData = openData;
  }

  @GetMapping("/export.csv")
  ResponseEntity<String> proposalsCsv(@PathVariable String roundId, Authentication authentication) {
    String csv = openData.proposalsCsv(roundId, CurrentUser.of(authentication));
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(roundId + "-proposals.csv").build().toString())
        .body(csv);
  }

  @GetMapping("/360giving.json")
  ResponseEntity<ThreeSixtyGiving.Package> threeSixtyGiving(@PathVariable String roundId) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(openData.threeSixtyGiving(roundId));
  }
}
