package uk.alluris.kit.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class RegisterNoticesUnitTest {

    @Test
    void theCommittedRegisterTellsPeopleTheSourcesOfTheirDataTheirRightsAndTheIcoRoute() throws Exception {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("register", new ClassPathResource("alluris-register.yml"))
                .forEach(environment.getPropertySources()::addLast);

        RegisterNotices notices = new Binder(ConfigurationPropertySources.get(environment))
                .bind("alluris.register.notices", RegisterNotices.class).get();

        assertThat(notices.sources()).hasSize(3);
        assertThat(notices.rights()).extracting(RegisterNotices.Right::key).containsExactly("access", "rectification",
                "erasure", "restriction", "objection", "portability", "withdraw-consent");
        assertThat(notices.complaints().website()).isEqualTo("ico.org.uk/make-a-complaint");
        assertThat(notices.complaints().phone()).isEqualTo("0303 123 1113");
    }

    @Test
    void aReceiptReadsInPlainWordsAndAnOutcomeNotYetWordedIsShownAsItIs() {
        assertThat(ReceiptWords.outcome("RETAINED")).isEqualTo("kept, because the law requires it");
        assertThat(ReceiptWords.outcome("ANONYMISED")).isEqualTo("ANONYMISED");
        assertThat(ReceiptWords.part("records-service")).isEqualTo("Clinical records");
        assertThat(ReceiptWords.part("new-service")).isEqualTo("new-service");
        assertThat(ReceiptWords.category("contact-profile")).isEqualTo("contact profile");
    }
}
