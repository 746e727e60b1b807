package uk.alluris.records.forms;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment consent form as signed: which template version (and the hash of its text), when, by whom (the typed
 * name, encrypted) and witnessed by which clinician; the drawn signature and the rendered PDF kept only as ciphertext
 * under the subject's key, and the PDF's SHA-256 kept readable so any copy can be checked against it.
 */
@Document("consent_forms")
record SignedForm(@Id UUID id, @Indexed String subjectId, UUID templateId, String treatment, int formVersion,
        String templateSha256, Instant signedAt, String encryptedSignerName, String witnessedBy,
        byte[] encryptedSignature, byte[] encryptedPdf, String pdfSha256) {
}
