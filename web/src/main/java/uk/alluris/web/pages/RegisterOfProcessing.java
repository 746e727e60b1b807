package uk.alluris.web.pages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The clinic's register of processing as {@code GET /api/privacy/register} publishes it, read for the portal's and the
 * privacy centre's "how we use your data" (fragment {@code register :: entries}). Never built here: the pages show
 * what the rights service publishes, the same entries the access bundle carries.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterOfProcessing(String controller, String contact, List<Purpose> purposes,
        List<Category> categories, List<Recipient> recipients, List<Transfer> transfers, List<String> sources,
        List<Right> rights, Complaints complaints) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Purpose(String key, String description, String legalBasisSays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String key, String name, String legalBasisSays, boolean special, Retention retention) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retention(String says, String ground, String rule) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipient(String key, String name, String roleSays, String purpose) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transfer(String recipient, String recipientName, String destination, String safeguard) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Right(String key, String name, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Complaints(String name, String website, String phone, String address) {
    }
}
