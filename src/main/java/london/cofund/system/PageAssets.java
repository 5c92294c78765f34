package london.cofund.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GOV.UK Frontend's stylesheet asks for its fonts and images under {@code /assets/}: they are
 * served from the webjar, like the stylesheet itself, so the pages need no CDN.
 */
@Configuration
class PageAssets implements WebMvcConfigurer {

  static final String GOVUK_FRONTEND = "/webjars/govuk-frontend/5.14.0/dist/govuk/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/META-INF/resources" + GOVUK_FRONTEND + "assets/");
  }
}
