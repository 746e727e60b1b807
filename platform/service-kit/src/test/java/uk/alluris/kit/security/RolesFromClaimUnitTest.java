package uk.alluris.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolesFromClaimUnitTest {

    @Test
    void readsTheGatewaysFlatRolesClaim() {
        assertThat(new RolesFromClaim("roles").roles(Map.of("roles", List.of("CLINICIAN"))))
                .containsExactly("CLINICIAN");
    }

    @Test
    void readsANestedClaimSuchAsKeycloaksRealmRoles() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("PRIVACY_OFFICER", "ADMIN")));

        assertThat(new RolesFromClaim("realm_access.roles").roles(claims)).containsExactly("PRIVACY_OFFICER", "ADMIN");
    }

    @Test
    void aMissingOrMalformedClaimGrantsNothing() {
        assertThat(new RolesFromClaim("realm_access.roles").roles(Map.of("realm_access", "oops"))).isEmpty();
        assertThat(new RolesFromClaim("roles").roles(Map.of())).isEmpty();
    }
}
