package uk.alluris.kit.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads role names from a (possibly nested) claim and grants {@code ROLE_<name>} for each. */
class RolesFromClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String[] path;

    RolesFromClaim(String claim) {
        this.path = claim.split("\\.");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return roles(jwt.getClaims()).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    List<String> roles(Map<String, Object> claims) {
        Object node = claims;
        for (String step : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        return node instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
