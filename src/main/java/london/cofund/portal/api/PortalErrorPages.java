package london.cofund.portal.api;

import london.cofund.system.ConflictException;
import london.cofund.system.ForbiddenException;
import london.cofund.system.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's refusals as GOV.UK pages for people, not the API's problem documents: a bid or draft
 * that is not theirs (404), a page their role may not use (403), a step that cannot be taken now,
 * such as a round that no longer takes EOIs (409). Ahead of the API's handler, for the portal's
 * controllers only.
 */
@ControllerAdvice(assignableTypes = {ApplyPages.class, EoiPages.class, BidFormPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrorPages {

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    return page(HttpStatus.NOT_FOUND, "Page not found", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(ForbiddenException e) {
    return page(HttpStatus.FORBIDDEN, "You cannot use this page", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ModelAndView conflict(ConflictException e) {
    return page(HttpStatus.CONFLICT, "This cannot be done now", e.getMessage());
  }

  private static ModelAndView page(HttpStatus status, String heading, String message) {
    ModelAndView page = new ModelAndView("portal/error", status);
    page.addObject("status", status.value());
    page.addObject("heading", heading);
    page.addObject("message", message);
    return page;
  }
}
