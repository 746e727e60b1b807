package uk.alluris.records.forms;

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

    record NewTemplate(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}") String treatment,
            @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String body) {
    }

    /** {@code signature}: the drawn signature as a PNG data URL; {@code signerName}: the name the client typed. */
    record Signing(@NotNull UUID templateId, @NotBlank @Size(max = 200) String signerName,
            @NotBlank @Size(max = 300_000) String signature) {
    }

    private final ConsentForms forms;
    private final ReadAudit audit;

    FormController(ConsentForms forms, ReadAudit audit) {
        this.forms = forms;
        this.audit = audit;
    }

    @PostMapping("/consent-form-templates")
    @ResponseStatus(HttpStatus.CREATED)
    FormTemplate newVersion(@Valid @RequestBody NewTemplate body) {
        return forms.newVersion(body.treatment(), body.title().strip(), body.body().strip(), caller());
    }

    @GetMapping("/consent-form-templates")
    List<FormTemplate> versions(@RequestParam String treatment, Paging paging) {
        return paging.of(forms.versions(treatment));
    }

    @PostMapping("/subjects/{subjectId}/consent-forms")
    @ResponseStatus(HttpStatus.CREATED)
    FormView sign(@PathVariable String subjectId, @Valid @RequestBody Signing body) {
        return forms.sign(subjectId, body.templateId(), body.signerName().strip(), DrawnSignature.of(body.signature()),
                caller());
    }

    @GetMapping("/subjects/{subjectId}/consent-forms")
    List<FormView> signed(@PathVariable String subjectId, @RequestParam(required = false) String reason,
            Paging paging) {
        audit.beforeReading(forms.subject(subjectId), "consent-forms", null, caller(), reason);
        return paging.of(forms.of(subjectId));
    }

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
