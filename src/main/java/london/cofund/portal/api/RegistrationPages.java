package london.cofund.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import london.cofund.notification.ContactAddresses;
import london.cofund.notification.TaskLinks;
import london.cofund.portal.Registration;
import london.cofund.portal.RegistrationService;
import london.cofund.portal.RegistrationService.Request;
import london.cofund.system.ConflictException;
import london.cofund.system.FieldProblem;
import london.cofund.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Self-registration ({@code /apply/register}): a person gives their name, a user name and their
 * email address; the mailed link ({@code /apply/register/confirm}) lets them choose a password, and
 * only then is their user created, in {@code applicants}. Open to anyone.
 */
@Controller
class RegistrationPages {

  private final RegistrationService registrations;
  private final ContactAddresses contacts;

  RegistrationPages(RegistrationService registrations, ContactAddresses contacts) {
    this.registrations = registrations;
    this.contacts = contacts;
  }

  /**
   * A bid's lead contact confirms their address by the link CoFund mailed them ({@link
   * ContactAddresses}). The link shows a button, and only the button's POST confirms, so that a
   * mail scanner that opens links confirms nothing.
   */
  @GetMapping(TaskLinks.ADDRESS_CONFIRMATION_PATH)
  ModelAndView addressForm(@RequestParam(required = false) String token) {
    return contacts
        .pending(token)
        .map(email -> addressPage("pending", email, token, HttpStatus.OK))
        .orElseGet(() -> addressPage("expired", null, null, HttpStatus.NOT_FOUND));
  }

  @PostMapping(TaskLinks.ADDRESS_CONFIRMATION_PATH)
  ModelAndView confirmAddress(@RequestParam(required = false) String token) {
    return contacts
        .confirm(token)
        .map(email -> addressPage("confirmed", email, null, HttpStatus.OK))
        .orElseGet(() -> addressPage("expired", null, null, HttpStatus.NOT_FOUND));
  }

  private static ModelAndView addressPage(
      String state, String email, String token, HttpStatus status) {
    ModelAndView page = new ModelAndView("portal/address");
    page.addObject("state", state);
    page.addObject("email", email);
    page.addObject("token", token);
    page.setStatus(status);
    return page;
  }

  @GetMapping("/apply/register")
  ModelAndView form() {
    return registerPage(new Request("", "", "", ""), List.of());
  }

  @PostMapping("/apply/register")
  ModelAndView register(
      @RequestParam(required = false) String userId,
      @RequestParam(required = false) String firstName,
      @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String email) {
    Request request = new Request(userId, firstName, lastName, email);
    try {
      registrations.register(request);
    } catch (InvalidRequestException e) {
      ModelAndView page = registerPage(request, e.problems());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    } catch (ConflictException e) {
      ModelAndView page = registerPage(request, List.of(new FieldProblem("email", e.getMessage())));
      page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
      return page;
    }
    ModelAndView sent = new ModelAndView("portal/register-sent");
    sent.addObject("email", request.email() == null ? "" : request.email().trim());
    return sent;
  }

  @GetMapping("/apply/register/confirm")
  ModelAndView confirmForm(@RequestParam(required = false) String token) {
    return registrations
        .pending(token)
        .map(r -> confirmPage(token, r, List.of()))
        .orElseGet(RegistrationPages::expired);
  }

  @PostMapping("/apply/register/confirm")
  ModelAndView confirm(
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String passwordAgain) {
    Registration pending = registrations.pending(token).orElse(null);
    if (pending == null) {
      return expired();
    }
    try {
      Registration done = registrations.confirm(token, password, passwordAgain);
      ModelAndView page = new ModelAndView("portal/registered");
      page.addObject("registration", done);
      return page;
    } catch (InvalidRequestException e) {
      ModelAndView page = confirmPage(token, pending, e.problems());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    } catch (ConflictException e) {
      return expired();
    }
  }

  private static ModelAndView expired() {
    ModelAndView page = new ModelAndView("portal/confirm");
    page.addObject("expired", true);
    page.addObject("problems", List.of());
    page.addObject("errors", Map.of());
    page.setStatus(HttpStatus.NOT_FOUND);
    return page;
  }

  private static ModelAndView confirmPage(
      String token, Registration registration, List<FieldProblem> problems) {
    ModelAndView page = new ModelAndView("portal/confirm");
    page.addObject("expired", false);
    page.addObject("token", token);
    page.addObject("registration", registration);
    page.addObject("minPassword", RegistrationService.MIN_PASSWORD);
    addProblems(page, problems);
    return page;
  }

  private static ModelAndView registerPage(Request request, List<FieldProblem> problems) {
    ModelAndView page = new ModelAndView("portal/register");
    page.addObject("form", request);
    addProblems(page, problems);
    return page;
  }

  private static void addProblems(ModelAndView page, List<FieldProblem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<EoiFormView.ErrorLink> links = new ArrayList<>();
    for (FieldProblem p : problems) {
      errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b);
      links.add(new EoiFormView.ErrorLink(p.field(), label(p.field()) + " " + p.message()));
    }
    page.addObject("errors", errors);
    page.addObject("problems", links);
  }

  private static String label(String field) {
    return switch (field) {
      case "userId" -> "User name";
      case "firstName" -> "First name";
      case "lastName" -> "Last name";
      case "email" -> "Email address";
      case "password" -> "Password";
      case "passwordAgain" -> "Password again";
      default -> field;
    };
  }
}
