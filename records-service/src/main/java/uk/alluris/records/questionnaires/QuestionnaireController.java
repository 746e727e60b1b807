package uk.alluris.records.questionnaires;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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
import uk.alluris.records.questionnaires.QuestionnaireTemplate.Kind;
import uk.alluris.records.questionnaires.Questionnaires.Answered;
import uk.alluris.records.questionnaires.Questionnaires.Flag;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * Medical questionnaires (docs/clinical-records.md). Clinicians write templates and read answers (audited; a
 * restricted person's need a reason); answers come from a clinician or from the client themself (portal), and a client
 * answers only for their own record; clinicians work the review list the contraindication rules fill.
 */
@RestController
@RequestMapping("/api/records")
class QuestionnaireController {

    static final String KEY = "[a-z0-9][a-z0-9_-]{0,59}";

    record NewQuestion(@NotBlank @Pattern(regexp = KEY) String key, @NotBlank @Size(max = 500) String text,
            @NotNull Kind kind) {
    }

    record NewRule(@NotBlank @Pattern(regexp = KEY) String treatment, @NotBlank @Pattern(regexp = KEY) String questionKey,
            @NotBlank @Size(max = 200) String concern, @Size(max = 50) List<@NotBlank @Size(max = 100) String> ingredients) {
    }

    record NewTemplate(@NotBlank @Pattern(regexp = KEY) String name,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull NewQuestion> questions,
            @Size(max = 200) List<@Valid @NotNull NewRule> rules) {
    }

    record Answers(@NotNull UUID templateId, @NotNull @Size(max = 100) Map<String, Object> answers) {
    }

    record Review(@NotNull ReviewFlag.Decision decision, @Size(max = 2000) String note) {
    }

    private final Questionnaires questionnaires;
    private final SubjectRegister register;
    private final ReadAudit audit;

    QuestionnaireController(Questionnaires questionnaires, SubjectRegister register, ReadAudit audit) {
        this.questionnaires = questionnaires;
        this.register = register;
        this.audit = audit;
    }

    @PostMapping("/questionnaire-templates")
    @ResponseStatus(HttpStatus.CREATED)
    QuestionnaireTemplate newVersion(@Valid @RequestBody NewTemplate body) {
        return questionnaires.newVersion(body.name(),
                body.questions().stream().map(q -> new QuestionnaireTemplate.Question(q.key(), q.text().strip(),
                        q.kind())).toList(),
                body.rules() == null ? List.of() : body.rules().stream().map(r -> new ContraindicationRule(r.treatment(),
                        r.questionKey(), r.concern().strip(), r.ingredients())).toList(), caller());
    }

    @GetMapping("/questionnaire-templates")
    List<QuestionnaireTemplate> versions(@RequestParam String name, Paging paging) {
        return paging.of(questionnaires.versions(name));
    }

    @PostMapping("/subjects/{subjectId}/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    Answered answer(@PathVariable String subjectId, @Valid @RequestBody Answers body) {
        ClinicalSubject subject = register.find(subjectId)
                .filter(found -> CurrentCaller.get().filter(CurrentCaller::isClient)
                        .map(client -> client.is(found.emailIndex())).orElse(true))
                .orElseThrow(() -> ProblemException.notFound("subject " + subjectId));
        return questionnaires.answer(subject, body.templateId(), body.answers(), caller());
    }

    @GetMapping("/subjects/{subjectId}/questionnaires")
    List<Answered> answered(@PathVariable String subjectId, @RequestParam(required = false) String reason,
            Paging paging) {
        ClinicalSubject subject = register.find(subjectId)
                .orElseThrow(() -> ProblemException.notFound("subject " + subjectId));
        audit.beforeReading(subject, "questionnaires", null, caller(), reason);
        return paging.of(questionnaires.of(subjectId));
    }

    /**
     * Open contraindication flags, oldest first; listing them is a read of each person's health data, so audited. A
     * restricted person's flags are left out: they are read through the person's record, with a reason.
     */
    @GetMapping("/reviews")
    List<Flag> openReviews(Paging paging) {
        Map<String, ClinicalSubject> people = questionnaires.open().stream().map(Flag::subjectId).distinct()
                .map(register::find).flatMap(Optional::stream).filter(subject -> !audit.isRestricted(subject))
                .collect(Collectors.toMap(ClinicalSubject::id, Function.identity()));
        people.values().forEach(subject -> audit.recordRead(subject, "review-list", null, caller(), null));
        return paging.of(questionnaires.open().stream().filter(flag -> people.containsKey(flag.subjectId())).toList());
    }

    @PostMapping("/reviews/{flagId}")
    Flag review(@PathVariable UUID flagId, @Valid @RequestBody Review body) {
        return questionnaires.review(flagId, body.decision(), body.note(), caller());
    }

    private static String caller() {
        return CurrentCaller.get().map(CurrentCaller::subject).orElse("unknown");
    }
}
