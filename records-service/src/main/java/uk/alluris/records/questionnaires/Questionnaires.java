package uk.alluris.records.questionnaires;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.questionnaires.QuestionnaireTemplate.Kind;
import uk.alluris.records.questionnaires.QuestionnaireTemplate.Question;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * Versioned medical questionnaires, a person's answers (encrypted under their key), and the review flags the
 * contraindication rules raise from them for a clinician to decide on.
 */
@Service
class Questionnaires {

    record Flag(
            @Schema(description = "The flag's id", example = "d47a9c2e-1b6f-4083-a5e9-8c3d0f7b2e19") UUID id,
            @Schema(description = "The subject id of the person whose answers raised it",
                    example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11")
            String subjectId,
            @Schema(description = "The treatment the answers may contraindicate", example = "lip-filler")
            String treatment,
            @Schema(description = "What to review, decrypted", example = "allergy to an ingredient") String concern,
            @Schema(description = "When it was raised (ISO 8601 instant, UTC)", example = "2026-11-27T13:50:00Z")
            Instant raisedAt,
            @Schema(description = "Whether it still waits for a clinician's decision", example = "true") boolean open,
            @Schema(description = "Who decided it (staff username); null while open",
                    example = "clinician@alluris.local")
            String reviewedBy,
            @Schema(description = "When it was decided (ISO 8601 instant, UTC); null while open",
                    example = "2026-11-27T14:05:00Z") Instant reviewedAt,
            @Schema(description = "SUITABLE or NOT_SUITABLE; null while open", example = "SUITABLE")
            ReviewFlag.Decision decision,
            @Schema(description = "The clinician's note, decrypted; null when none", example = "Allergy ruled out at "
                    + "consultation.") String note) {
    }

    record Answered(
            @Schema(description = "This set of answers' id", example = "6c1e9a4f-3d7b-4b82-8f0a-e5d2c8b1a973") UUID id,
            @Schema(description = "The subject id of the person who answered",
                    example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11")
            String subjectId,
            @Schema(description = "The questionnaire version answered",
                    example = "b61f0d4e-8a3c-4e27-9d15-c2a7e9f3b086")
            UUID templateId,
            @Schema(description = "The questionnaire's name", example = "medical-history") String name,
            @Schema(description = "The questionnaire's version number", example = "3") int version,
            @Schema(description = "When it was answered (ISO 8601 instant, UTC)", example = "2026-11-27T13:50:00Z")
            Instant answeredAt,
            @Schema(description = "Who recorded the answers: a clinician's staff username, or the client's "
                    + "pseudonymous id when they answered from the portal", example = "clinician@alluris.local")
            String recordedBy,
            @Schema(description = "The answers by question key, decrypted",
                    example = "{\"pregnant\": false, \"allergies\": \"none known\"}") Map<String, Object> answers,
            @Schema(description = "The review flags these answers raised, with their decisions",
                    example = "[{\"id\": \"d47a9c2e-1b6f-4083-a5e9-8c3d0f7b2e19\", "
                            + "\"subjectId\": \"c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11\", \"treatment\": \"lip-filler\", "
                            + "\"concern\": \"allergy to an ingredient\", \"raisedAt\": \"2026-11-27T13:50:00Z\", "
                            + "\"open\": true}]") List<Flag> flags) {
    }

    static final int MAX_TEXT = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    private final QuestionnaireTemplates templates;
    private final QuestionnaireAnswers answers;
    private final ReviewFlags flags;
    private final SubjectRegister register;
    private final FieldCipher cipher;
    private final Clock clock;

    Questionnaires(QuestionnaireTemplates templates, QuestionnaireAnswers answers, ReviewFlags flags,
            SubjectRegister register, FieldCipher cipher, Clock clock) {
        this.templates = templates;
        this.answers = answers;
        this.flags = flags;
        this.register = register;
        this.cipher = cipher;
        this.clock = clock;
    }

    QuestionnaireTemplate newVersion(String name, List<Question> questions, List<ContraindicationRule> rules, String by) {
        Map<String, Kind> kinds = questions.stream().collect(Collectors.toMap(Question::key, Question::kind,
                (one, other) -> { throw invalid("questions: each key once"); }));
        for (ContraindicationRule rule : rules) {
            Kind kind = kinds.get(rule.questionKey());
            if (kind == null) {
                throw invalid("rules: questionKey " + rule.questionKey() + " is not one of the questions");
            }
            if (kind == Kind.TEXT && (rule.ingredients() == null || rule.ingredients().isEmpty())) {
                throw invalid("rules: a rule on a TEXT question names the ingredients it looks for");
            }
        }
        int version = templates.findFirstByNameOrderByVersionDesc(name).map(QuestionnaireTemplate::version).orElse(0) + 1;
        return templates.insert(new QuestionnaireTemplate(UUID.randomUUID(), name, version, questions, rules, by,
                clock.instant()));
    }

    List<QuestionnaireTemplate> versions(String name) {
        return templates.findByNameOrderByVersionAsc(name);
    }

    /** Stores the answers encrypted and raises one review flag per concern the template's rules find in them. */
    Answered answer(ClinicalSubject subject, UUID templateId, Map<String, Object> given, String by) {
        QuestionnaireTemplate template = templates.findById(templateId)
                .orElseThrow(() -> invalid("templateId: no questionnaire template " + templateId));
        check(template, given);
        Instant now = clock.instant();
        register.forEntry(subject.id(), null, null, null, now.atZone(CLINIC).toLocalDate());
        UUID id = UUID.randomUUID();
        answers.insert(new AnsweredQuestionnaire(id, subject.id(), template.id(), template.name(), template.version(),
                now, by, cipher.encrypt(subject.id(), id.toString(), "answers", JSON.writeValueAsString(given))));
        template.rules().stream().filter(rule -> rule.raisedBy(given)).forEach(rule -> {
            UUID flagId = UUID.randomUUID();
            flags.insert(new ReviewFlag(flagId, subject.id(), id, rule.treatment(),
                    cipher.encrypt(subject.id(), flagId.toString(), "concern", rule.concern()), now, true, null, null,
                    null, null));
        });
        return view(answers.findById(id).orElseThrow());
    }

    List<Answered> of(String subjectId) {
        return answers.findBySubjectIdOrderByAnsweredAtAsc(subjectId).stream().map(this::view).toList();
    }

    List<Flag> open() {
        return flags.findByOpenTrueOrderByRaisedAtAsc().stream().map(this::view).toList();
    }

    /** Whose answers raised the flag (404 when there is no such flag: an erased person's are gone). */
    String subjectOf(UUID flagId) {
        return flags.findById(flagId).map(ReviewFlag::subjectId)
                .orElseThrow(() -> ProblemException.notFound("review " + flagId));
    }

    Flag review(UUID flagId, ReviewFlag.Decision decision, String note, String by) {
        ReviewFlag flag = flags.findById(flagId).orElseThrow(() -> ProblemException.notFound("review " + flagId));
        if (!flag.open()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already reviewed", "this flag was reviewed already");
        }
        return view(flags.save(flag.reviewed(by, clock.instant(), decision,
                cipher.encrypt(flag.subjectId(), flagId.toString(), "note", note))));
    }

    Answered view(AnsweredQuestionnaire answered) {
        Map<String, Object> given = cipher.decrypt(answered.subjectId(), answered.id().toString(), "answers",
                answered.encryptedAnswers()).map(json -> JSON.readValue(json,
                        new TypeReference<Map<String, Object>>() { })).orElse(null);
        List<Flag> raised = flags.findBySubjectIdOrderByRaisedAtAsc(answered.subjectId()).stream()
                .filter(flag -> flag.questionnaireId().equals(answered.id())).map(this::view).toList();
        return new Answered(answered.id(), answered.subjectId(), answered.templateId(), answered.name(),
                answered.version(), answered.answeredAt(), answered.recordedBy(), given, raised);
    }

    Flag view(ReviewFlag flag) {
        String id = flag.id().toString();
        return new Flag(flag.id(), flag.subjectId(), flag.treatment(),
                cipher.decrypt(flag.subjectId(), id, "concern", flag.encryptedConcern()).orElse(null), flag.raisedAt(),
                flag.open(), flag.reviewedBy(), flag.reviewedAt(), flag.decision(),
                cipher.decrypt(flag.subjectId(), id, "note", flag.encryptedNote()).orElse(null));
    }

    private static void check(QuestionnaireTemplate template, Map<String, Object> given) {
        Map<String, Kind> kinds = template.questions().stream()
                .collect(Collectors.toMap(Question::key, Question::kind));
        Set<String> unknown = given.keySet().stream().filter(key -> !kinds.containsKey(key)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw invalid("answers: " + unknown + " are not questions of this questionnaire (" + kinds.keySet() + ")");
        }
        given.forEach((key, value) -> {
            boolean fits = kinds.get(key) == Kind.YES_NO ? value instanceof Boolean
                    : value instanceof String text && text.length() <= MAX_TEXT;
            if (!fits) {
                throw invalid("answers." + key + ": " + (kinds.get(key) == Kind.YES_NO ? "true or false"
                        : "text of at most " + MAX_TEXT + " characters"));
            }
        });
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
