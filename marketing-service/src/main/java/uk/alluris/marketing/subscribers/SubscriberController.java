package uk.alluris.marketing.subscribers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;

/**
 * Subscribers, added and looked up by marketing staff (the access rules admit staff only, so the view echoes the
 * contact details). Nobody suppressed (erased, or objected) and nobody whose processing is restricted can be added:
 * the refusal says so without saying anything about the person. Being added by staff gives no channel consent:
 * {@code channels} lists the channels the person consented to themselves (a confirmed sign-up, a lead form).
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
            Instant subscribedAt, Instant unsubscribedAt, boolean restricted, List<String> channels) {
    }

    private final Subscriptions subscriptions;
    private final Subscribers subscribers;
    private final Restrictions restrictions;

    SubscriberController(Subscriptions subscriptions, Subscribers subscribers, Restrictions restrictions) {
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.restrictions = restrictions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriberView subscribe(@Valid @RequestBody NewSubscriber body) {
        return view(subscriptions.subscribe(new Subscriptions.Request(body.email(), body.phone(), body.fullName(),
                body.lists(), body.source())));
    }

    /** A malformed id is a 400 problem (type mismatch), an unknown one a 404. */
    @GetMapping("/{id}")
    SubscriberView one(@PathVariable UUID id) {
        return view(subscribers.findById(id).orElseThrow(() -> ProblemException.notFound("subscriber " + id)));
    }

    @GetMapping
    List<SubscriberView> byEmail(@RequestParam String email, Paging paging) {
        return paging.of(subscriptions.byEmail(email).stream().map(this::view).toList());
    }

    private SubscriberView view(Subscriber s) {
        return new SubscriberView(s.id(), s.email(), s.phone(), s.fullName(), s.lists(), s.source(), s.subscribedAt(),
                s.unsubscribedAt(), restrictions.isRestricted(null, s.emailIndex(), s.phoneIndex()),
                s.consents().keySet().stream().map(MarketingChannel::wireName).toList());
    }
}
