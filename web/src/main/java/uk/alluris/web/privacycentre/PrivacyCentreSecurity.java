package uk.alluris.web.privacycentre;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The privacy centre is for people without an account: every page is open, and no sign-in is looked for (a token the
 * gateway relays for a signed-in visitor is ignored here; the rights service is called as anyone's). Its forms carry
 * the same double-submit token as the staff pages, the {@code XSRF-TOKEN} cookie echoed in the {@code _csrf} field;
 * a visitor without the cookie (the gateway hands it out only with a session) gets one from here with the form. This
 * chain comes before the staff pages' own, which would send a visitor to the staff sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyCentreSecurity {

    static final String FORM_EXPIRED = "/privacy/form-expired";

    @Bean
    @Order(1)
    SecurityFilterChain privacyCentre(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Strict"));
        return http
                .securityMatcher("/privacy", "/privacy/**")
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    // a post without the token, or with a stale one: say so and offer the form again
                    response.setStatus(403);
                    request.getRequestDispatcher(FORM_EXPIRED).forward(request, response);
                }))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .build();
    }
}
