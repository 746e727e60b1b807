package uk.alluris.web.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import uk.alluris.kit.security.TokenProperties;

/**
 * The pages verify the bearer token the gateway relays from the session cookie with the kit's decoder (signature,
 * issuer, audience, expiry, revocation), like every service. Unlike a service, a page answers a browser: no token
 * sends to sign-in, a role that may not see a page gets the 403 page. Forms carry the double-submit token of the
 * gateway's {@code XSRF-TOKEN} cookie (field {@code _csrf}, or header {@code X-XSRF-TOKEN} for htmx), checked here too.
 * Clinical pages are open to any member of staff: records-service decides who reads a record, and its 403 is shown.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain pages(HttpSecurity http, JwtDecoder decoder, TokenProperties properties) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Strict"));
        // Spring Security exempts bearer-token requests from CSRF, and every request reaches web with the bearer the
        // gateway made from the cookie: so the filter is added by hand, checking every state-changing request
        CsrfFilter csrf = new CsrfFilter(csrfTokens);
        csrf.setRequestHandler(new CsrfTokenRequestAttributeHandler());
        csrf.setAccessDeniedHandler(BrowserAnswers.forbiddenPage());
        return http
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
                        // the scraper and build info on web's own port, which the gateway never routes (it routes pages only)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/error").permitAll()
                        .requestMatchers("/staff/sign-in", "/staff/assets/**", "/staff/forbidden").permitAll()
                        .requestMatchers("/staff/officer/**").hasRole("PRIVACY_OFFICER")
                        .requestMatchers("/staff/reception/**").hasRole("RECEPTION")
                        .requestMatchers("/staff/admin/**").hasRole("ADMIN")
                        // marketing decides too: the leads inbox is reception's and the admin's, the rest the admin's
                        .requestMatchers("/staff/marketing/leads", "/staff/marketing/leads/**").hasAnyRole("RECEPTION", "ADMIN")
                        .requestMatchers("/staff/marketing/**").hasRole("ADMIN")
                        // a client's token opens the portal (its own chain, portal/PortalSecurity), never a staff page
                        .anyRequest().hasAnyRole("RECEPTION", "CLINICIAN", "PRIVACY_OFFICER", "ADMIN"))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(BrowserAnswers.toSignIn())
                        .accessDeniedHandler(BrowserAnswers.forbiddenPage()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(BrowserAnswers.toSignIn())
                        .accessDeniedHandler(BrowserAnswers.forbiddenPage()))
                .build();
    }
}
