package london.cofund.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every server-rendered page may use: {@code fmt} formats money and dates as mail does. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

  private static final BriefRenderer.FormatHelper FORMATS = new BriefRenderer.FormatHelper();

  @ModelAttribute("fmt")
  BriefRenderer.FormatHelper fmt() {
    return FORMATS;
  }
}
