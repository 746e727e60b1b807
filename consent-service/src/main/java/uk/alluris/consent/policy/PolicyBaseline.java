package uk.alluris.consent.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The policy the clinic published before versions were kept here (2026-01, of 20 January 2026) is the first entry of
 * the history, so every decision names a published version from the first start on. Inserted once; a second start,
 * or a replica starting at the same moment, finds it there.
 */
@Component
class PolicyBaseline implements ApplicationRunner {

    static final String VERSION = "2026-01";
    static final LocalDate EFFECTIVE_FROM = LocalDate.of(2026, 1, 20);

    private final PolicyVersions versions;
    private final Clock clock;

    PolicyBaseline(PolicyVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (versions.existsById(VERSION)) {
            return;
        }
        PolicyVersion baseline = PolicyVersion.published(VERSION, text(), "The privacy policy as first published.",
                EFFECTIVE_FROM, false, "consent-service", clock.instant());
        // announced to nobody: it is what everyone already had
        baseline.outbox.clear();
        try {
            versions.insert(baseline);
        } catch (DuplicateKeyException anotherReplicaGotThereFirst) {
            // the same baseline, inserted by a replica starting at the same moment
        }
    }

    private static String text() {
        try {
            return new ClassPathResource("policy/privacy-policy-" + VERSION + ".txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the first policy's text is missing from the build", e);
        }
    }
}
