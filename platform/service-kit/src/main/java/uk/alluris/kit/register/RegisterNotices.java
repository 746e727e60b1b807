package uk.alluris.kit.register;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the register says to the people it is about beyond Article 30's records (UK GDPR Art. 13–15): where their data
 * comes from, the rights they have, and the supervisory authority they may complain to. Kept in the same
 * {@code alluris-register.yml} as the register, under {@code alluris.register.notices}, so the register endpoint, the
 * access bundle, the portal and every outcome mail say the same.
 */
@ConfigurationProperties("alluris.register.notices")
public record RegisterNotices(List<String> sources, List<Right> rights, Authority complaints) {

    public RegisterNotices {
        sources = sources == null ? List.of() : List.copyOf(sources);
        rights = rights == null ? List.of() : List.copyOf(rights);
    }

    /** One right a person has, and what it lets them do here. */
    public record Right(String key, String name, String description) {
    }

    /** Where a person may complain: the ICO in the UK. */
    public record Authority(String name, String website, String phone, String address) {
    }
}
