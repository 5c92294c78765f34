package london.cofund.committee.api;

import london.cofund.borough.LondonBorough;
import london.cofund.committee.CommitteeUpdate;
import london.cofund.committee.CommitteeUpdatePdf;
import london.cofund.committee.CommitteeUpdateService;
import london.cofund.committee.UpdateFormat;
import london.cofund.identity.CurrentUser;
import london.cofund.system.ForbiddenException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A borough's committee updates ({@code /boroughs/{gssCode}/committee-updates}): the rounds, each
 * round's update as a printable page, and the same update as PDF. For the fund's roles, the
 * borough's officers and its scrutiny committee, signed in through the webapps; anyone else gets
 * 403 ({@link london.cofund.committee.CommitteeAccess}).
 */
@Controller
class CommitteeUpdatePages {

  private final CommitteeUpdateService updates;
  private final CommitteeUpdatePdf pdf;

  CommitteeUpdatePages(CommitteeUpdateService updates, CommitteeUpdatePdf pdf) {
    this.updates = updates;
    this.pdf = pdf;
  }

  @GetMapping({"/boroughs/{gssCode}/committee-updates", "/boroughs/{gssCode}/committee-updates/"})
  String list(@PathVariable String gssCode, Model model, Authentication authentication) {
    CurrentUser user = user(authentication);
    LondonBorough borough = updates.readable(gssCode, user);
    model.addAttribute("borough", borough);
    model.addAttribute("rounds", updates.rounds(borough.code(), user));
    model.addAttribute("title", borough.displayName() + " committee updates");
    return "committee/list";
  }

  @GetMapping("/boroughs/{gssCode}/committee-updates/{roundId}")
  String update(
      @PathVariable String gssCode,
      @PathVariable String roundId,
      Model model,
      Authentication authentication) {
    CommitteeUpdate update = updates.build(roundId, gssCode, user(authentication));
    model.addAttribute("update", update);
    model.addAttribute("format", UpdateFormat.INSTANCE);
    model.addAttribute("pdfName", CommitteeUpdatePdf.fileName(update));
    model.addAttribute("title", update.boroughName() + " committee update: " + update.roundName());
    return "committee/update";
  }

  @GetMapping("/boroughs/{gssCode}/committee-updates/{roundId}.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String gssCode, @PathVariable String roundId, Authentication authentication) {
    CommitteeUpdate update = updates.build(roundId, gssCode, user(authentication));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(CommitteeUpdatePdf.fileName(update))
                .build()
                .toString())
        .body(pdf.render(update));
  }

  /**
   * The signed-in user. Until the page chain covers {@code /boroughs/**}, a request can arrive here
   * without the webapps' session: it is refused, never served.
   */
  private static CurrentUser user(Authentication authentication) {
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      throw new ForbiddenException("Sign in to read committee updates.");
    }
    return CurrentUser.of(authentication);
  }
}
