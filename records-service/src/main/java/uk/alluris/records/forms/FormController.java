package uk.alluris.records.forms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.forms.ConsentForms.FormView;
import uk.alluris.records.subjects.ClinicalSubject;

/**
 * Treatment consent forms (docs/clinical-records.md). Clinicians write templates and witness signing (a clinic
 * tablet); clinicians and the privacy officer read forms (audited; a restricted person's need a reason); a client
 * downloads their own form's PDF, and only their own (anyone else's is "not found").
 */
@RestController
@RequestMapping("/api/records")
class FormController {

    // named apart from the questionnaire's NewTemplate, which would otherwise take its place in the API document
    @Schema(name = "NewConsentFormTemplate")
    record NewTemplate(
            @Schema(description = "The treatment the form is for: 1 to 60 lower-case letters, digits or '-', starting "
                    + "with a letter or digit", example = "lip-filler")
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}") String treatment,
            @Schema(description = "The form's title (1 to 200 characters)", example = "Consent to lip filler treatment")
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "The full text the client reads and signs (1 to 20,000 characters)",
                    example = "I understand the risks of this treatment, including bruising and swelling, and consent "
                            + "to it.") @NotBlank @Size(max = 20000) String body) {
    }

    /** {@code signature}: the drawn signature as a PNG data URL; {@code signerName}: the name the client typed. */
    record Signing(
            @Schema(description = "The id of the template version being signed",
                    example = "7e4a1b93-0c5d-4f2e-a8b6-3d9c1e7f5a20")
            @NotNull UUID templateId,
            @Schema(description = "The name the client typed (1 to 200 characters); stored encrypted",
                    example = "Jo Bloggs") @NotBlank @Size(max = 200) String signerName,
            @Schema(description = "The drawn signature as a PNG data URL (data:image/png;base64,...): at most 300,000 "
                    + "characters, a PNG of at most 200,000 bytes and 2 million pixels; stored encrypted",
                    example = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB"
                            + "0C8AAAAASUVORK5CYII=")
            @NotBlank @Size(max = 300_000) String signature) {
    }

    private final ConsentForms forms;
    private final ReadAudit audit;

    FormController(ConsentForms forms, ReadAudit audit) {
        this.forms = forms;
        this.audit = audit;
    }

    @Operation(summary = "Write a new consent form version", description = "Adds the next version (1 for the first) of "
            + "a treatment's consent form; versions are never changed, so a signed form always points at the text that "
            + "was signed. Clinicians only; two versions made at once cannot share a number (409).")
    @PostMapping("/consent-form-templates")
    @ResponseStatus(HttpStatus.CREATED)
    FormTemplate newVersion(@Valid @RequestBody NewTemplate body) {
        return forms.newVersion(body.treatment(), body.title().strip(), body.body().strip(), caller());
    }

    @Operation(summary = "List a treatment's consent form versions", description = "Every version of the treatment's "
            + "form, oldest first, paged with page and size (at most 200). Clinicians and the privacy officer; templates "
            + "hold no personal data.")
    @GetMapping("/consent-form-templates")
    List<FormTemplate> versions(@RequestParam String treatment, Paging paging) {
        return paging.of(forms.versions(treatment));
    }

    @Operation(summary = "Sign a consent form", description = "Records the client's signature (typed name and drawn "
            + "signature) on a template version, witnessed by the clinician making the call, and renders it to a PDF "
            + "kept encrypted under the person's key with its SHA-256. Clinicians only. A restricted person can still "
            + "sign for their care; an erased person's record is closed (409); an unknown subject is 404.")
    @PostMapping("/subjects/{subjectId}/consent-forms")
    @ResponseStatus(HttpStatus.CREATED)
    FormView sign(@PathVariable String subjectId, @Valid @RequestBody Signing body) {
        return forms.sign(subjectId, body.templateId(), body.signerName().strip(), DrawnSignature.of(body.signature()),
                caller());
    }

    @Operation(summary = "List a person's signed consent forms", description = "The person's signed forms, oldest "
            + "first, with where to fetch each PDF; paged with page and size (at most 200). Clinicians, and the privacy "
            + "officer with a reason (?reason=); the read is audited, and a restricted person's forms need a reason from "
            + "clinicians too (403 without one). An erased person has none left.")
    @GetMapping("/subjects/{subjectId}/consent-forms")
    List<FormView> signed(@PathVariable String subjectId, @RequestParam(required = false) String reason,
            Paging paging) {
        audit.beforeReading(forms.subject(subjectId), "consent-forms", null, caller(), reason);
        return paging.of(forms.of(subjectId));
    }

    @Operation(summary = "Download a signed consent form's PDF", description = "The signed PDF, never cached. Clinicians, "
            + "the privacy officer with a reason (?reason=), and the client the form belongs to (anyone else's is 404); "
            + "every download is audited and a restricted person's needs a reason from staff. An erased person's form is "
            + "gone (404), or unreadable once its key is destroyed (410).")
    @GetMapping("/consent-forms/{formId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID formId, @RequestParam(required = false) String reason) {
        SignedForm form = forms.form(formId);
        ClinicalSubject subject = forms.subject(form.subjectId());
        boolean client = CurrentCaller.get().map(CurrentCaller::isClient).orElse(false);
        if (client && !CurrentCaller.get().orElseThrow().is(subject.emailIndex())) {
            throw ProblemException.notFound("consent form " + formId);
        }
        audit.beforeReading(subject, "consent-form", formId, caller(), reason);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("consent-form-" + formId + ".pdf").build().toString())
                .body(forms.pdf(form));
    }

    private static String caller() {
        return CurrentCaller.get().map(CurrentCaller::subject).orElse("unknown");
    }
}
