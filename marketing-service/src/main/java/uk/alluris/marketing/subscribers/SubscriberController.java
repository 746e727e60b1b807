package uk.alluris.marketing.subscribers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.marketing.suppression.SuppressionList;

/**
 * Subscribers, added by marketing staff. Nobody on the suppression list (erased, or objected) and nobody whose
 * processing is restricted can be added: the refusal says so without saying anything about the person.
 */
@RestController
@RequestMapping("/api/marketing/subscribers")
class SubscriberController {

    record NewSubscriber(@NotBlank @Email @Size(max = 320) String email, @Size(max = 40) String phone,
            @Size(max = 200) String fullName,
            @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                    message = "list names are lower-case letters, digits and dashes") String> lists,
            @NotBlank @Size(max = 100) String source) {
    }

    record SubscriberView(UUID id, String email, String phone, String fullName, List<String> lists, String source,
            Instant subscribedAt, Instant unsubscribedAt, boolean restricted) {
    }

    private final Subscribers subscribers;
    private final SuppressionList suppression;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;
    private final Clock clock;

    SubscriberController(Subscribers subscribers, SuppressionList suppression, Restrictions restrictions,
            BlindIndexer indexer, Clock clock) {
        this.subscribers = subscribers;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.indexer = indexer;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriberView subscribe(@Valid @RequestBody NewSubscriber body) {
        String email = Normalisation.email(body.email());
        String emailIndex = indexer.email(email);
        String phone = body.phone() == null || body.phone().isBlank() ? null : indexer.normalisePhone(body.phone());
        String phoneIndex = phone == null ? null : indexer.phone(phone);
        if (suppression.isSuppressed(emailIndex, phoneIndex)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Suppressed",
                    "this person is on the suppression list and cannot be subscribed");
        }
        if (restrictions.isRestricted(null, emailIndex, phoneIndex)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                    "processing of this person's data is restricted; they cannot be subscribed");
        }
        Instant now = clock.instant();
        Subscriber subscriber = subscribers.findFirstByEmailIndex(emailIndex).map(known -> {
            known.join(phone, body.fullName(), phoneIndex, body.lists(), now);
            return known;
        }).orElseGet(() -> Subscriber.subscribe(email, phone, body.fullName(), emailIndex, phoneIndex, body.lists(),
                body.source().strip(), now));
        return view(subscribers.save(subscriber));
    }

    @GetMapping("/{id}")
    SubscriberView one(@PathVariable UUID id) {
        return view(subscribers.findById(id).orElseThrow(() -> ProblemException.notFound("subscriber " + id)));
    }

    @GetMapping
    List<SubscriberView> byEmail(@RequestParam String email) {
        return subscribers.findFirstByEmailIndex(indexer.email(email)).map(this::view).stream().toList();
    }

    private SubscriberView view(Subscriber s) {
        return new SubscriberView(s.id(), s.email(), s.phone(), s.fullName(), s.lists(), s.source(), s.subscribedAt(),
                s.unsubscribedAt(), restrictions.isRestricted(null, s.emailIndex(), s.phoneIndex()));
    }
}
