package uk.alluris.records.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * Versioned consent-form templates per treatment, and forms signed on them: rendered to PDF at signing, hashed, and
 * kept encrypted under the subject's key with the drawn signature and the signer's typed name.
 */
@Service
class ConsentForms {

    /** A signed form as listed: everything but the document itself ({@code pdf} is where to fetch it). */
    record FormView(UUID id, String subjectId, UUID templateId, String treatment, int formVersion,
            String templateSha256, Instant signedAt, String signerName, String witnessedBy, String pdfSha256,
            String pdf) {
    }

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    private final FormTemplates templates;
    private final SignedForms forms;
    private final SubjectRegister register;
    private final FieldCipher cipher;
    private final Clock clock;
    private final FormRendering rendering = new FormRendering();

    ConsentForms(FormTemplates templates, SignedForms forms, SubjectRegister register, FieldCipher cipher, Clock clock) {
        this.templates = templates;
        this.forms = forms;
        this.register = register;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The treatment's next version (1 for the first); two made at once cannot share a number (unique index: 409). */
    FormTemplate newVersion(String treatment, String title, String body, String by) {
        int version = templates.findFirstByTreatmentOrderByVersionDesc(treatment).map(FormTemplate::version).orElse(0)
                + 1;
        return templates.insert(new FormTemplate(UUID.randomUUID(), treatment, version, title, body, Sha256.of(body),
                by, clock.instant()));
    }

    List<FormTemplate> versions(String treatment) {
        return templates.findByTreatmentOrderByVersionAsc(treatment);
    }

    /** The client signs (typed name and drawn signature), the clinician calling witnesses; returns the signed form. */
    FormView sign(String subjectId, UUID templateId, String signerName, DrawnSignature signature, String witness) {
        FormTemplate template = templates.findById(templateId).orElseThrow(() -> new ProblemException(
                HttpStatus.BAD_REQUEST, "Invalid input", "templateId: no consent form template " + templateId));
        subject(subjectId);
        Instant now = clock.instant();
        ClinicalSubject subject = register.forEntry(subjectId, null, null, null, now.atZone(CLINIC).toLocalDate());
        UUID id = UUID.randomUUID();
        byte[] pdf = rendering.render(new FormRendering.Signing(id, template, signerName, signature, now, witness));
        String key = id.toString();
        SignedForm form = new SignedForm(id, subject.id(), template.id(), template.treatment(), template.version(),
                template.bodySha256(), now, cipher.encrypt(subject.id(), key, "signerName", signerName), witness,
                cipher.encryptBytes(subject.id(), key, "signature", signature.png()),
                cipher.encryptBytes(subject.id(), key, "pdf", pdf), Sha256.of(pdf));
        return view(forms.insert(form));
    }

    List<FormView> of(String subjectId) {
        return forms.findBySubjectIdOrderBySignedAtAsc(subjectId).stream().map(this::view).toList();
    }

    SignedForm form(UUID formId) {
        return forms.findById(formId).orElseThrow(() -> ProblemException.notFound("consent form " + formId));
    }

    byte[] pdf(SignedForm form) {
        return cipher.decryptBytes(form.subjectId(), form.id().toString(), "pdf", form.encryptedPdf())
                .orElseThrow(() -> new ProblemException(HttpStatus.GONE, "Erased",
                        "this form's encryption key was destroyed: it can no longer be read"));
    }

    FormView view(SignedForm form) {
        return new FormView(form.id(), form.subjectId(), form.templateId(), form.treatment(), form.formVersion(),
                form.templateSha256(), form.signedAt(), cipher.decrypt(form.subjectId(), form.id().toString(),
                        "signerName", form.encryptedSignerName()).orElse(null), form.witnessedBy(), form.pdfSha256(),
                "/api/records/consent-forms/" + form.id() + "/pdf");
    }

    ClinicalSubject subject(String subjectId) {
        return register.find(subjectId).orElseThrow(() -> ProblemException.notFound("subject " + subjectId));
    }
}
