package london.cofund.boroughfunding.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal or a missing page under {@code /boroughs} as a GOV.UK page, not Spring's whitelabel
 * error: a 404 raised by {@link BoroughPages}, and the container's error page for a 403 that the
 * security rules send ({@code identity.BoroughAccess}). Every other path keeps its own errors.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BoroughErrorPages implements ErrorViewResolver {

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(path instanceof String uri)
        || !(uri.equals(BoroughPages.BOROUGHS) || uri.startsWith(BoroughPages.BOROUGHS + "/"))) {
      return null;
    }
    return page(status);
  }

  /** The page for a status: its heading and what the reader can do. */
  static ModelAndView page(HttpStatus status) {
    ModelAndView page = new ModelAndView("boroughs/error", status);
    page.addObject("status", status.value());
    switch (status) {
      case NOT_FOUND -> {
        page.addObject("heading", "Page not found");
        page.addObject(
            "message",
            "There is no borough page at this address. The 32 London boroughs have the GSS codes"
                + " E09000002 to E09000033, and London's totals are under E12000007.");
        page.addObject("listLink", true);
      }
      case FORBIDDEN -> {
        page.addObject("heading", "You cannot see this page");
        page.addObject(
            "message",
            "Your role does not allow this page. A borough's scrutiny committee reads its own"
                + " borough's page and committee updates, and nothing else; a borough's committee"
                + " updates are for its officers, its scrutiny committee and the fund's roles.");
        page.addObject("listLink", false);
      }
      default -> {
        page.addObject("heading", "Sorry, there is a problem with the service");
        page.addObject("message", "Try again later.");
        page.addObject("listLink", false);
      }
    }
    return page;
  }
}
