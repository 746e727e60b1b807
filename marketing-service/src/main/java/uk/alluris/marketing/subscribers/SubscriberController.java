package uk.alluris.marketing.subscribers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record NewSubscriber(
            @Schema(description = "The subscriber's email address (up to 320 characters)",
                    example = "jo.bloggs@example.org") @NotBlank @Email @Size(max = 320) String email,
            @Schema(description = "Optional phone number, UK or international (up to 40 characters)",
                    example = "+447700900123") @Size(max = 40) String phone,
            @Schema(description = "Optional full name (up to 200 characters)", example = "Jo Bloggs")
            @Size(max = 200) String fullName,
            @Schema(description = "The lists to join (1 to 20): lower-case letters, digits and dashes, up to 63 "
                    + "characters each", example = "[\"newsletter\", \"skin-offers\"]")
            @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                    message = "list names are lower-case letters, digits and dashes") String> lists,
            @Schema(description = "Where staff got the subscriber from (up to 100 characters)",
                    example = "clinic open evening") @NotBlank @Size(max = 100) String source) {
    }

    record SubscriberView(
            @Schema(description = "The subscriber's id", example = "3c9a1f5e-7b2d-4e6f-8a0b-9c1d2e3f4a5b") UUID id,
            @Schema(description = "The subscriber's email address", example = "jo.bloggs@example.org") String email,
            @Schema(description = "The phone number in international form, when given", example = "+447700900123")
            String phone,
            @Schema(description = "The full name, when given", example = "Jo Bloggs") String fullName,
            @Schema(description = "The lists the subscriber is on", example = "[\"newsletter\", \"skin-offers\"]")
            List<String> lists,
            @Schema(description = "Where the subscriber came from", example = "clinic open evening") String source,
            @Schema(description = "When the subscriber was first added (ISO-8601 instant, UTC)",
                    example = "2026-12-03T10:30:00Z") Instant subscribedAt,
            @Schema(description = "When the subscriber left every list (ISO-8601 instant, UTC); absent while "
                    + "subscribed",
                    example = "2027-02-01T08:15:00Z") Instant unsubscribedAt,
            @Schema(description = "Whether the person's processing is restricted now: nothing is sent to them while it "
                    + "lasts", example = "false") boolean restricted,
            @Schema(description = "The channels the person consented to themselves (email, sms); empty when added by "
                    + "staff only", example = "[\"email\"]") List<String> channels) {
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
    @Operation(summary = "Add a subscriber", description = "Adds a person to the given lists (or adds the lists to "
            + "the subscriber already known by that email); being added by staff gives no channel consent. ADMIN and "
            + "PRIVACY_OFFICER only. Anyone suppressed (erased, or objected) or whose processing is restricted is "
            + "refused with a 409 that says nothing more about them.")
    SubscriberView subscribe(@Valid @RequestBody NewSubscriber body) {
        return view(subscriptions.subscribe(new Subscriptions.Request(body.email(), body.phone(), body.fullName(),
                body.lists(), body.source())));
    }

    /** A malformed id is a 400 problem (type mismatch), an unknown one a 404. */
    @GetMapping("/{id}")
    @Operation(summary = "Read one subscriber", description = "One subscriber by id, with their contact details, "
            + "lists, own channel consents and whether their processing is restricted; an erased subscriber is gone "
            + "(404). ADMIN and PRIVACY_OFFICER only.")
    SubscriberView one(@PathVariable UUID id) {
        return view(subscribers.findById(id).orElseThrow(() -> ProblemException.notFound("subscriber " + id)));
    }

    @GetMapping
    @Operation(summary = "Find subscribers by email", description = "The subscribers held under an email address "
            + "(the email query parameter, compared by its blind index): one, or none; paged with page and size. "
            + "ADMIN and PRIVACY_OFFICER only.")
    List<SubscriberView> byEmail(@RequestParam String email, Paging paging) {
        return paging.of(subscriptions.byEmail(email).stream().map(this::view).toList());
    }

    private SubscriberView view(Subscriber s) {
        return new SubscriberView(s.id(), s.email(), s.phone(), s.fullName(), s.lists(), s.source(), s.subscribedAt(),
                s.unsubscribedAt(), restrictions.isRestricted(null, s.emailIndex(), s.phoneIndex()),
                s.consents().keySet().stream().map(MarketingChannel::wireName).toList());
    }
}
