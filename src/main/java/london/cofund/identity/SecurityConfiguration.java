package london.cofund.identity;

import london.cofund.system.DatabaseOutage;
import london.cofund.system.ProblemResponses;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what over HTTP.
 *
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's identity service, stateless, for scripts; a
 *       missing or wrong login is a 401 {@code application/problem+json}. {@code /api/security/**}
 *       is for administrators.
 *   <li>{@code /engine-rest/**}: Camunda's own {@link ProcessEngineAuthenticationFilter} with HTTP
 *       Basic. It also tells the engine who is calling, so every REST call is checked against
 *       Camunda's authorizations: an unauthenticated engine-rest would skip them all. Deployments
 *       are for administrators' scripts only ({@link EngineDeploymentGuard}).
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin keep their own session login and CSRF
 *       protection ({@code camunda.bpm.webapp.*}).
 *   <li>{@code /mailbox}, {@code /h2-console} (demo profile only) and {@code /tasks/open}: pages
 *       for people, signed in through the webapps' login ({@link
 *       WebappSessionAuthenticationFilter}); HTTP Basic is not accepted there. The mailbox is for
 *       MOPAC and administrators, the H2 console for administrators.
 *   <li>{@code /actuator/health} and {@code /actuator/info}: open, for load balancers; the health
 *       components only for administrators and the {@code monitoring} group, with HTTP Basic.
 *       {@code /actuator/prometheus} (metrics) for those two only.
 *   <li>{@code /boroughs} and {@code /boroughs/{gssCode}/**}: the borough pages, signed in the same
 *       way; who reaches which borough is {@link BoroughAccess}'s rule, and a refusal there is a
 *       page, not a problem document.
 *   <li>{@code /apply} and {@code /apply/**}: the applicant portal, signed in the same way. Anyone
 *       with a role but scrutiny reads it; what changes a bid is for the {@code applicants} group,
 *       checked in the portal's controllers (a 403 for other roles), and who may see which draft or
 *       bid is the portal's own rule ({@code london.cofund.portal.DraftService}). {@code
 *       /apply/register/**}, self-registration, is open to anyone.
 *   <li>A user whose only role is a borough's scrutiny committee reaches that borough's page, its
 *       committee updates and {@code GET /api/boroughs/{gssCode}}, and nothing else of the pages,
 *       {@code /api} or {@code /v3} ({@link BoroughAccess}).
 *   <li>{@code /swagger-ui.html} and {@code /swagger-ui/**}: a page for people, like the mailbox,
 *       for anyone signed in to the webapps. {@code /v3/**}, the OpenAPI document it reads, takes
 *       that session or HTTP Basic, so that scripts can fetch it too; anonymous callers get a 401.
 * </ul>
 *
 * <p>In front of all of them: {@link LoginThrottleFilter}, {@link RequestBodyLimitFilter}, {@link
 * CrossSiteRequestFilter} and {@link JsonBodyFilter}.
 *
 * <p>Paths are matched with {@link PathPatternRequestMatcher}, on the path inside the application.
 * A plain {@code "/h2-console/**"} would become an MVC matcher, which reads a path relative to the
 * servlet that serves it: the H2 console's own servlet saw {@code /} there, the pattern never
 * matched, and the console fell through to the open chain.
 */
@Configuration
class SecurityConfiguration {

  static final String REALM = "CoFund";

  /** Swagger UI's page and assets (springdoc's default paths). */
  private static final RequestMatcher SWAGGER_UI = paths("/swagger-ui.html", "/swagger-ui/**");

  /**
   * springdoc's {@code /v3/api-docs}, {@code /v3/api-docs.yaml} and Swagger UI's configuration: all
   * of {@code /v3}, so that no variant of the document is left to the open chain.
   */
  private static final RequestMatcher API_DOCS = paths("/v3/**");

  /** After Spring Security's chains (-100); the deployment guard follows at once. */
  private static final int ENGINE_REST_AUTHENTICATION_ORDER = 0;

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher(paths("/api/**"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(paths("/api/security/**"))
                    .hasAuthority(Roles.ADMIN)
                    .requestMatchers(BoroughAccess.FIGURES)
                    .access(BoroughAccess.ownBoroughIfScrutiny())
                    .anyRequest()
                    .access(BoroughAccess.anyRoleButScrutiny()))
        .httpBasic(SecurityConfiguration::basic)
        .exceptionHandling(
            ex -> ex.accessDeniedHandler(forbidden("Your role does not allow this.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic carries no session cookie to forge. A browser does replay remembered
        // Basic credentials, which CrossSiteRequestFilter and JsonBodyFilter deal with.
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher(paths("/actuator/**"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        paths("/actuator/health", "/actuator/health/**", "/actuator/info"))
                    .permitAll()
                    // Metrics say how busy the fund is and what fails: not for anyone.
                    .requestMatchers(paths("/actuator/prometheus"))
                    .hasAnyAuthority(Roles.ADMIN, Roles.MONITORING)
                    .anyRequest()
                    .denyAll())
        // Optional Basic: anonymous callers see the status, administrators and monitoring see the
        // components (management.endpoint.health.roles).
        .httpBasic(SecurityConfiguration::basic)
        .exceptionHandling(
            ex -> ex.accessDeniedHandler(forbidden("Your role does not allow this.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pageSecurity(
      HttpSecurity http,
      GroupAuthorities authorities,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName)
      throws Exception {
    RequestMatcher h2Console = paths(HttpPaths.H2_CONSOLE, HttpPaths.H2_CONSOLE + "/**");
    RequestMatcher mailbox = paths(HttpPaths.MAILBOX, HttpPaths.MAILBOX + "/**");
    // The home page is open to all, and greets a signed-in person with their own work.
    RequestMatcher home = paths(HttpPaths.HOME);
    return http.securityMatcher(
            new OrRequestMatcher(
                home,
                h2Console,
                mailbox,
                paths(HttpPaths.TASK_LINKS + "**"),
                paths(HttpPaths.FUNDS, HttpPaths.FUNDS + "/**"),
                paths(HttpPaths.DASHBOARD, HttpPaths.DASHBOARD + "/"),
                paths(HttpPaths.GRANTS, HttpPaths.GRANTS + "/"),
                paths(HttpPaths.APPLY, HttpPaths.APPLY + "/**"),
                BoroughAccess.pages(),
                SWAGGER_UI))
        .addFilterBefore(
            new WebappSessionAuthenticationFilter(engineName, authorities),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(home)
                    .permitAll()
                    // Self-registration is for people who have no user yet.
                    .requestMatchers(
                        paths(HttpPaths.APPLY_REGISTER, HttpPaths.APPLY_REGISTER + "/**"))
                    .permitAll()
                    .requestMatchers(h2Console)
                    .hasAuthority(Roles.ADMIN)
                    .requestMatchers(mailbox)
                    .hasAnyAuthority(Roles.MOPAC, Roles.ADMIN)
                    .requestMatchers(BoroughAccess.COMMITTEE_UPDATES)
                    .access(BoroughAccess.committeeUpdates())
                    .requestMatchers(BoroughAccess.PAGE)
                    .access(BoroughAccess.ownBoroughIfScrutiny())
                    .anyRequest()
                    .access(BoroughAccess.anyRoleButScrutiny()))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint(HttpPaths.WEBAPP_LOGIN_PAGE))
                    .defaultAccessDeniedHandlerFor(
                        BoroughAccess.refusedPage(), BoroughAccess.pages())
                    .defaultAccessDeniedHandlerFor(
                        forbidden("Your role does not allow this page."),
                        AnyRequestMatcher.INSTANCE))
        // The webapps' session is read on every request; Spring keeps nothing of its own in it.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // The H2 console posts forms without a token. The session cookie is SameSite=Strict, so
        // another site's page never sends it, and CrossSiteRequestFilter refuses foreign Origins.
        .csrf(csrf -> csrf.disable())
        // The H2 console is built of frames.
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  /**
   * The OpenAPI document: Swagger UI fetches it with the webapps' session, scripts with HTTP Basic.
   */
  @Bean
  @Order(4)
  SecurityFilterChain apiDocsSecurity(
      HttpSecurity http,
      GroupAuthorities authorities,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName)
      throws Exception {
    return http.securityMatcher(API_DOCS)
        .addFilterBefore(
            new WebappSessionAuthenticationFilter(engineName, authorities),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().access(BoroughAccess.anyRoleButScrutiny()))
        .httpBasic(SecurityConfiguration::basic)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // Read-only: GET is all it serves.
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** Everything else: the webapps and engine-rest authenticate on their own terms. */
  @Bean
  @Order(5)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // The webapps carry Camunda's own CSRF filter; engine-rest is stateless Basic.
        .csrf(csrf -> csrf.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    // Before the deployment guard, which needs to know the caller.
    registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineDeploymentGuard> engineDeploymentGuard(
      IdentityService identityService) {
    FilterRegistrationBean<EngineDeploymentGuard> registration =
        new FilterRegistrationBean<>(new EngineDeploymentGuard(identityService));
    registration.setName("engine-rest-deployment-guard");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER + 1);
    return registration;
  }

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = builder.matcher(patterns[i]);
    }
    return matchers.length == 1 ? matchers[0] : new OrRequestMatcher(matchers);
  }

  private static void basic(HttpBasicConfigurer<HttpSecurity> basic) {
    AuthenticationEntryPoint entryPoint =
        (request, response, e) -> {
          if (DatabaseOutage.causes(e)) {
            // The credentials could not be checked: a 503, not a 401 that blames the password.
            ProblemResponses.writeUnavailable(request, response);
            return;
          }
          ProblemResponses.write(
              request,
              response,
              HttpStatus.UNAUTHORIZED,
              "Authentication required",
              "Sign in with HTTP Basic: your CoFund user id and password.",
              REALM);
        };
    basic.realmName(REALM).authenticationEntryPoint(entryPoint);
  }

  private static AccessDeniedHandler forbidden(String detail) {
    return (request, response, e) ->
        ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail, null);
  }
}
