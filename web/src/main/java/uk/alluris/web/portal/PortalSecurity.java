package uk.alluris.web.portal;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import uk.alluris.kit.security.TokenProperties;

/**
 * The client portal's own rules, ahead of the staff pages': only a CLIENT token (signed in with the emailed code) opens
 * {@code /portal/**}, and a member of staff gets the portal's "not for you" page; the staff chain, in turn, refuses a
 * CLIENT token. The token is verified by the kit's decoder as on every service; each service then keeps the client
 * to their own data (the token is bound to their email's blind index). Forms carry the double-submit token of the
 * gateway's {@code XSRF-TOKEN} cookie ({@code _csrf}, or {@code X-XSRF-TOKEN} for htmx), checked here by hand because
 * Spring Security exempts bearer requests.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String SIGN_IN = "/portal/sign-in";
    static final String FORBIDDEN = "/portal/forbidden";

    @Bean
    @Order(1)
    SecurityFilterChain portal(HttpSecurity http, JwtDecoder decoder, TokenProperties properties) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Strict"));
        CsrfFilter csrf = new CsrfFilter(csrfTokens);
        csrf.setRequestHandler(new CsrfTokenRequestAttributeHandler());
        csrf.setAccessDeniedHandler(forbiddenPage());
        return http
                .securityMatcher("/portal", "/portal/**")
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(csrf, BearerTokenAuthenticationFilter.class)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")))
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(SIGN_IN, "/portal/assets/**", FORBIDDEN).permitAll()
                        .anyRequest().hasRole("CLIENT"))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(toSignIn())
                        .accessDeniedHandler(forbiddenPage()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(toSignIn())
                        .accessDeniedHandler(forbiddenPage()))
                .build();
    }

    /** htmx follows {@code HX-Redirect} with a full page load; a plain request follows the 302. */
    private static AuthenticationEntryPoint toSignIn() {
        return (request, response, e) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", SIGN_IN);
                response.setStatus(401);
            } else {
                response.sendRedirect(SIGN_IN);
            }
        };
    }

    /** A staff token, or a forged or stale CSRF token: the same friendly page. */
    private static AccessDeniedHandler forbiddenPage() {
        return (request, response, e) -> {
            response.setStatus(403);
            request.getRequestDispatcher(FORBIDDEN).forward(request, response);
        };
    }
}
