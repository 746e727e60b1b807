package uk.alluris.records.forms;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a treatment's consent form: what the client reads and signs. Never changed once made — a new wording
 * is a new version — so a signed form always points at exactly the text that was signed ({@code bodySha256}).
 */
@Document("consent_form_templates")
@CompoundIndex(name = "treatment_version", def = "{ 'treatment': 1, 'version': 1 }", unique = true)
record FormTemplate(@Id UUID id, String treatment, int version, String title, String body, String bodySha256,
        String createdBy, Instant createdAt) {
}
