package uk.alluris.records.questionnaires;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record NewQuestion(
            @Schema(description = "The answer's key, unique in the questionnaire: 1 to 60 lower-case letters, digits, "
                    + "'_' or '-', starting with a letter or digit", example = "pregnant")
            @NotBlank @Pattern(regexp = KEY) String key,
            @Schema(description = "The question as the client reads it (1 to 500 characters)",
                    example = "Are you pregnant or breastfeeding?") @NotBlank @Size(max = 500) String text,
            @Schema(description = "YES_NO (answered true or false) or TEXT (free text, at most 2,000 characters)",
                    example = "YES_NO") @NotNull Kind kind) {
    }

    record NewRule(
            @Schema(description = "The treatment the answer may contraindicate (same form as a question key)",
                    example = "lip-filler") @NotBlank @Pattern(regexp = KEY) String treatment,
            @Schema(description = "The key of the question this rule reads; must be one of the template's questions",
                    example = "allergies") @NotBlank @Pattern(regexp = KEY) String questionKey,
            @Schema(description = "What the clinician is asked to review when the rule is raised (1 to 200 characters)",
                    example = "allergy to an ingredient") @NotBlank @Size(max = 200) String concern,
            @Schema(description = "For a TEXT question (required there): ingredients whose mention raises the rule, "
                    + "case-insensitive; at most 50 of at most 100 characters", example = "[\"lidocaine\"]")
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> ingredients) {
    }

    // named apart from the consent form's NewTemplate, which would otherwise take its place in the API document
    @Schema(name = "NewQuestionnaireTemplate")
    record NewTemplate(
            @Schema(description = "The questionnaire's name, shared by its versions (same form as a question key)",
                    example = "medical-history") @NotBlank @Pattern(regexp = KEY) String name,
            @Schema(description = "The questions, 1 to 100, each key once",
                    example = QuestionnaireTemplate.QUESTIONS_EXAMPLE)
            @NotEmpty @Size(max = 100) List<@Valid @NotNull NewQuestion> questions,
            @Schema(description = "The contraindication rules that read the answers, at most 200; none when absent",
                    example = QuestionnaireTemplate.RULES_EXAMPLE)
            @Size(max = 200) List<@Valid @NotNull NewRule> rules) {
    }

    record Answers(
            @Schema(description = "The questionnaire version answered",
                    example = "b61f0d4e-8a3c-4e27-9d15-c2a7e9f3b086")
            @NotNull UUID templateId,
            @Schema(description = "The answers by question key (at most 100): true or false for a YES_NO question, "
                    + "text of at most 2,000 characters for a TEXT one; stored encrypted",
                    example = "{\"pregnant\": false, \"allergies\": \"none known\"}")
            @NotNull @Size(max = 100) Map<String, Object> answers) {
    }

    record Review(
            @Schema(description = "The clinician's decision on the treatment: SUITABLE or NOT_SUITABLE",
                    example = "SUITABLE") @NotNull ReviewFlag.Decision decision,
            @Schema(description = "Why (at most 2,000 characters); stored encrypted",
                    example = "Not pregnant; confirmed at consultation.") @Size(max = 2000) String note) {
    }

    private final Questionnaires questionnaires;
    private final SubjectRegister register;
    private final ReadAudit audit;

    QuestionnaireController(Questionnaires questionnaires, SubjectRegister register, ReadAudit audit) {
        this.questionnaires = questionnaires;
        this.register = register;
        this.audit = audit;
    }

    @Operation(summary = "Write a new questionnaire version", description = "Adds the next version (1 for the first) of "
            + "a named medical questionnaire with its contraindication rules; versions are never changed, so answers "
            + "always point at what was asked. Clinicians only; a rule must read one of the questions, and a rule on a "
            + "TEXT question must name ingredients (400 otherwise).")
    @PostMapping("/questionnaire-templates")
    @ResponseStatus(HttpStatus.CREATED)
    QuestionnaireTemplate newVersion(@Valid @RequestBody NewTemplate body) {
        return questionnaires.newVersion(body.name(),
                body.questions().stream().map(q -> new QuestionnaireTemplate.Question(q.key(), q.text().strip(),
                        q.kind())).toList(),
                body.rules() == null ? List.of() : body.rules().stream().map(r -> new ContraindicationRule(r.treatment(),
                        r.questionKey(), r.concern().strip(), r.ingredients())).toList(), caller());
    }

    @Operation(summary = "List a questionnaire's versions", description = "Every version of the named questionnaire, "
            + "oldest first, paged with page and size (at most 200). Clinicians and the privacy officer; templates hold "
            + "no personal data.")
    @GetMapping("/questionnaire-templates")
    List<QuestionnaireTemplate> versions(@RequestParam String name, Paging paging) {
        return paging.of(questionnaires.versions(name));
    }

    @Operation(summary = "Answer a medical questionnaire", description = "Stores the person's answers encrypted under "
            + "their key and raises a review flag for each concern the version's rules find. Clinicians, or the client "
            + "themself from the portal (another person's record is 404 to a client). A restricted person can still "
            + "answer for their care; an erased person's record is closed (409).")
    @PostMapping("/subjects/{subjectId}/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    Answered answer(@PathVariable String subjectId, @Valid @RequestBody Answers body) {
        ClinicalSubject subject = register.find(subjectId)
                .filter(found -> CurrentCaller.get().filter(CurrentCaller::isClient)
                        .map(client -> client.is(found.emailIndex())).orElse(true))
                .orElseThrow(() -> ProblemException.notFound("subject " + subjectId));
        return questionnaires.answer(subject, body.templateId(), body.answers(), caller());
    }

    @Operation(summary = "List a person's questionnaire answers", description = "The person's answered questionnaires, "
            + "oldest first, each with the flags it raised and their reviews; paged with page and size (at most 200). "
            + "Clinicians, and the privacy officer with a reason (?reason=); audited, and a restricted person's need a "
            + "reason from clinicians too (403 without one). An erased person has none left.")
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
    @Operation(summary = "List open contraindication reviews", description = "Open review flags, oldest first, paged "
            + "with page and size (at most 200); listing them is recorded in each listed person's read audit. Clinicians "
            + "only. A restricted person's flags are left out (read them through the person's record, with a reason).")
    @GetMapping("/reviews")
    List<Flag> openReviews(Paging paging) {
        Map<String, ClinicalSubject> people = questionnaires.open().stream().map(Flag::subjectId).distinct()
                .map(register::find).flatMap(Optional::stream).filter(subject -> !audit.isRestricted(subject))
                .collect(Collectors.toMap(ClinicalSubject::id, Function.identity()));
        people.values().forEach(subject -> audit.recordRead(subject, "review-list", null, caller(), null));
        return paging.of(questionnaires.open().stream().filter(flag -> people.containsKey(flag.subjectId())).toList());
    }

    @Operation(summary = "Decide a contraindication review", description = "Closes an open flag with the clinician's "
            + "decision and an optional note (encrypted); a flag is decided once (409 after). The answer shows the "
            + "concern, so deciding is a read of the person's record: it is audited, and a restricted person's flag "
            + "needs a reason (?reason=, 403 without one), as reading their record does. Clinicians only. An erased "
            + "person's flags are gone (404).")
    @PostMapping("/reviews/{flagId}")
    Flag review(@PathVariable UUID flagId, @RequestParam(required = false) String reason,
            @Valid @RequestBody Review body) {
        ClinicalSubject subject = register.find(questionnaires.subjectOf(flagId))
                .orElseThrow(() -> ProblemException.notFound("review " + flagId));
        audit.beforeReading(subject, "review", flagId, caller(), reason);
        return questionnaires.review(flagId, body.decision(), body.note(), caller());
    }

    private static String caller() {
        return CurrentCaller.get().map(CurrentCaller::subject).orElse("unknown");
    }
}
