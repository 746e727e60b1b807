package uk.alluris.kit.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the verified token: a member of staff with roles, or a client bound to one person's email
 * blind index. Services use it to keep a client to their own data.
 */
public record CurrentCaller(String subject, List<String> roles, Optional<String> emailIndex) {

    public static final String EMAIL_INDEX_CLAIM = "email_index";

    public static Optional<CurrentCaller> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        List<String> roles = token.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return Optional.of(new CurrentCaller(token.getName(), roles,
                Optional.ofNullable(token.getToken().getClaimAsString(EMAIL_INDEX_CLAIM))));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isClient() {
        return hasRole("CLIENT");
    }

    /** Whether this caller is the person behind {@code emailIndex}. */
    public boolean is(String personEmailIndex) {
        return emailIndex.isPresent() && emailIndex.get().equals(personEmailIndex);
    }
}
