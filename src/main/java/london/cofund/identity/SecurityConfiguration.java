package london.cofund.identity;

import london.cofund.system.ProblemResponses;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what over HTTP.
 *
 * <ul>
 *   <li>{@code /api/**}, {@code /mailbox/**}: HTTP Basic against Camunda's identity service,
 *       stateless; a missing or wrong login is a 401 {@code application/problem+json}.
 *   <li>{@code /engine-rest/**}: Camunda's own {@link ProcessEngineAuthenticationFilter} with HTTP
 *       Basic. It also tells the engine who is calling, so every REST call is checked against
 *       Camunda's authorizations: an unauthenticated engine-rest would skip them all.
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin keep their own session login and CSRF
 *       protection ({@code camunda.bpm.webapp.*}).
 *   <li>{@code /h2-console/**} (demo profile only): administrators only.
 *   <li>{@code /actuator/health} and {@code /actuator/info}: open, for load balancers.
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  static final String REALM = "CoFund";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/**", "/mailbox/**", "/h2-console/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/h2-console/**")
                    .hasAuthority(Roles.ADMIN)
                    .requestMatchers("/mailbox/**")
                    .hasAnyAuthority(Roles.MOPAC, Roles.ADMIN)
                    .anyRequest()
                    .authenticated())
        .httpBasic(
            basic ->
                basic
                    .realmName(REALM)
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponses.write(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Authentication required",
                                "Sign in with HTTP Basic: your CoFund user id and password.",
                                REALM)))
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, e) ->
                        ProblemResponses.write(
                            request,
                            response,
                            HttpStatus.FORBIDDEN,
                            "Forbidden",
                            "Your role does not allow this.",
                            null)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic authentication carries no cookie to forge; the H2 console posts forms.
        .csrf(csrf -> csrf.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  /** Everything else: the webapps, engine-rest and actuator authenticate on their own terms. */
  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health/**", "/actuator/info", "/tasks/open")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .denyAll()
                    .anyRequest()
                    .permitAll())
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
    return registration;
  }
}
