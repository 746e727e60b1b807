package uk.alluris.records.forms;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.RetainedOrErased;

/**
 * What a privacy request does to signed consent forms: clinical records, so an erasure keeps them, restricted, until
 * the retention date and crypto-shreds them with the rest ({@link #eraseAll}); a restriction makes every read need a
 * reason; access gets each form with its PDF. Templates hold no one's data and are not touched.
 */
@Component
public class FormPrivacy {

    public static final String FORMS = "signed-consent-forms";
    public static final String UNREADABLE = "This form's encryption key was destroyed: it can no longer be read.";

    /** The {@code signed-consent-forms} category: each form as signed, with its PDF (base64) and the PDF's SHA-256. */
    public record Exported(UUID formId, String treatment, int formVersion, Instant signedAt, String signerName,
            String witnessedBy, String pdfSha256, String pdfBase64, String unreadable) {
    }

    private final SignedForms forms;
    private final FieldCipher cipher;

    FormPrivacy(SignedForms forms, FieldCipher cipher) {
        this.forms = forms;
        this.cipher = cipher;
    }

    public Map<String, Integer> counts(List<ClinicalSubject> subjects) {
        Map<String, Integer> counts = new HashMap<>();
        subjects.forEach(subject -> counts.put(subject.id(), (int) forms.countBySubjectId(subject.id())));
        return counts;
    }

    public int count(List<ClinicalSubject> subjects) {
        return counts(subjects).values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<CategoryOutcome> afterErasure(List<ClinicalSubject> subjects, Map<String, Integer> before) {
        return RetainedOrErased.receipt(FORMS, subjects, before);
    }

    /** Removes a shredded subject's forms (already unreadable: their key is gone) from the live store. */
    public long eraseAll(String subjectId) {
        return forms.deleteBySubjectId(subjectId);
    }

    public List<Exported> export(ClinicalSubject person) {
        return forms.findBySubjectIdOrderBySignedAtAsc(person.id()).stream().map(form -> {
            String id = form.id().toString();
            Optional<byte[]> pdf = cipher.decryptBytes(person.id(), id, "pdf", form.encryptedPdf());
            return new Exported(form.id(), form.treatment(), form.formVersion(), form.signedAt(),
                    cipher.decrypt(person.id(), id, "signerName", form.encryptedSignerName()).orElse(null),
                    form.witnessedBy(), form.pdfSha256(), pdf.map(Base64.getEncoder()::encodeToString).orElse(null),
                    pdf.isEmpty() ? UNREADABLE : null);
        }).toList();
    }
}
