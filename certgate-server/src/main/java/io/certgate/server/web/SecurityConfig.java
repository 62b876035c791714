package io.certgate.server.web;

import io.certgate.core.ErrorCode;
import io.certgate.server.api.ErrorBodies;
import io.certgate.server.login.SessionGuard;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what, and how sessions and CSRF work. The CSRF scheme is the plain double-submit of
 * DESIGN.md §6: the readable cookie {@code XSRF-TOKEN} and the header {@code X-XSRF-TOKEN} with the
 * same raw value. Spring's default (XOR-masked tokens) would refuse the raw cookie value that
 * Angular, axios and our own scripts send, so the plain request handler is used. URL rules are the
 * first gate; each endpoint then checks the object it touches.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {
  /**
   * Scripts and styles from this origin only; images also as data: URLs (the captcha); fetches to
   * this origin and to the local CA client ({@code certgate.agent-url}, DESIGN §4).
   */
  static String csp(String agentUrl) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self' "
        + agentUrl
        + ";"
        + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /** The readable {@code XSRF-TOKEN} cookie; logins replace it (see the login feature). */
  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfCookies.setCookiePath("/");
    csrfCookies.setCookieCustomizer(c -> c.sameSite("Lax"));
    return csrfCookies;
  }

  @Bean
  SecurityFilterChain web(
      HttpSecurity http,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfCookies,
      SessionGuard sessionGuard,
      @Value("${certgate.agent-url:http://127.0.0.1:27150}") String agentUrl)
      throws Exception {
    PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    http.securityContext(c -> c.securityContextRepository(contexts))
        // open sessions follow the account: checked before anything reads who is logged in
        .addFilterAfter(guard(sessionGuard), SecurityContextHolderFilter.class)
        .csrf(
            c ->
                c.csrfTokenRepository(csrfCookies)
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/", "/login", "/error", "/css/**", "/js/**", "/img/**", "/favicon.ico")
                    .permitAll()
                    .requestMatchers(
                        "/api/session",
                        "/api/captcha",
                        "/api/auth/**",
                        "/api/sms/codes",
                        "/api/recovery/**",
                        // CA feature: LOGIN challenges are for the login page (BIND ones check
                        // the caller themselves), the guide and driver downloads are public
                        "/api/ca/challenges",
                        "/guide",
                        "/ca/drivers",
                        "/downloads/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**")
                    .permitAll()
                    // probes for load balancers and orchestrators: status only, no details
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/prometheus")
                    .access(loopbackOrPlatformAdmin())
                    .requestMatchers("/actuator/**")
                    .denyAll()
                    .requestMatchers("/api/admin/**", "/admin/**")
                    .hasAnyRole("PLATFORM_ADMIN", "ORG_ADMIN")
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(json401(), api)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler(json403()))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(csp(agentUrl)))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(a -> a.principal("anonymous"));
    return http.build();
  }

  /**
   * Metrics name users' activity, so a scraper on the machine (or behind a proxy that refuses the
   * path from outside, as scripts/cluster.sh's nginx does) or a platform administrator may read
   * them.
   */
  private static AuthorizationManager<RequestAuthorizationContext> loopbackOrPlatformAdmin() {
    AuthorizationManager<RequestAuthorizationContext> admin =
        AuthorityAuthorizationManager.hasRole("PLATFORM_ADMIN");
    return (authentication, context) -> {
      // both the connection's own peer and the client behind any trusted proxy must be loopback:
      // a header cannot make a remote client local, nor can a local proxy pass remote clients on
      Object peer = context.getRequest().getAttribute(ClientAddressFilter.PEER);
      if (peer instanceof String p
          && loopback(p)
          && loopback(context.getRequest().getRemoteAddr())) {
        return new AuthorizationDecision(true);
      }
      return admin.authorize(authentication, context);
    };
  }

  private static boolean loopback(String address) {
    return TrustedProxies.literal(address).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  private static Filter guard(SessionGuard sessionGuard) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        sessionGuard.check(request, response);
        chain.doFilter(request, response);
      }
    };
  }

  private static AuthenticationEntryPoint json401() {
    return (request, response, e) -> ErrorBodies.write(response, ErrorCode.UNAUTHENTICATED);
  }

  private static AccessDeniedHandler json403() {
    return (request, response, e) ->
        ErrorBodies.write(
            response,
            403,
            ErrorCode.FORBIDDEN,
            e instanceof CsrfException ? "缺少或无效的CSRF令牌,请刷新页面后重试" : "无权执行此操作");
  }
}
