package uk.alluris.records.forms;

import io.swagger.v3.oas.annotations.media.Schema;
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
    record FormView(
            @Schema(description = "The signed form's id", example = "2a8d5f1c-7b3e-4c90-9e2d-6f1a4b8c3d57") UUID id,
            @Schema(description = "The subject id of the person who signed",
                    example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11")
            String subjectId,
            @Schema(description = "The template version signed", example = "7e4a1b93-0c5d-4f2e-a8b6-3d9c1e7f5a20")
            UUID templateId,
            @Schema(description = "The treatment the form is for", example = "lip-filler") String treatment,
            @Schema(description = "The template's version number", example = "2") int formVersion,
            @Schema(description = "The SHA-256 of the text signed (64 lower-case hex digits)",
                    example = "9f2b6c1e4d8a7b3c5e0f1a2d4c6b8e0f3a5c7d9e1b2f4a6c8d0e2f4a6b8c0d1e")
            String templateSha256,
            @Schema(description = "When it was signed (ISO 8601 instant, UTC)", example = "2026-11-27T14:10:00Z")
            Instant signedAt,
            @Schema(description = "The name the client typed, decrypted", example = "Jo Bloggs") String signerName,
            @Schema(description = "The witnessing clinician's staff username", example = "clinician@alluris.local")
            String witnessedBy,
            @Schema(description = "The SHA-256 of the PDF (64 lower-case hex digits): a copy can be checked against it",
                    example = "4c7e1a9b3d5f2e8c6a0b4d2f8e1c3a5b7d9f0e2c4a6b8d1f3e5c7a9b0d2f4e6a") String pdfSha256,
            @Schema(description = "Where to download the PDF (a path on the gateway)",
                    example = "/api/records/consent-forms/2a8d5f1c-7b3e-4c90-9e2d-6f1a4b8c3d57/pdf") String pdf) {
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
