package uk.alluris.marketing.subscribers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import uk.alluris.kit.problem.MailedLink;
import uk.alluris.kit.problem.MailedLinks;
import uk.alluris.marketing.mail.MarketingMail;
import uk.alluris.marketing.web.Pages;

/**
 * The public sign-up form's endpoints (no sign-in): sign up, then confirm from the mailed link (its page's button
 * POSTs; a GET changes nothing). A sign-up is always answered 202 with the same words, whoever it names, whether or
 * not a mail leaves.
 */
@RestController
@MailedLinks
@RequestMapping("/api/marketing/subscriptions")
class SubscriptionController {

    static final String ACCEPTED = "If this address can receive our news, a confirmation link is on its way. "
            + "You will only be subscribed once you use it.";

    record NewSignUp(
            @Schema(description = "The email address to sign up (up to 320 characters); the confirmation link goes "
                    + "there", example = "jo.bloggs@example.org") @NotBlank @Email @Size(max = 320) String email,
            @Schema(description = "Optional phone number, UK or international (up to 40 characters); needed for sms",
                    example = "+447700900123") @Size(max = 40) String phone,
            @Schema(description = "Optional full name (up to 200 characters)", example = "Jo Bloggs")
            @Size(max = 200) String fullName,
            @Schema(description = "Optional lists to join (up to 20): lower-case letters, digits and dashes, up to 63 "
                    + "characters each", example = "[\"newsletter\"]")
            @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                    message = "list names are lower-case letters, digits and dashes") String> lists,
            @Schema(description = "The channels consented to: email and/or sms (email when absent or empty)",
                    example = "[\"email\", \"sms\"]")
            @Size(max = 2) List<@NotBlank @Pattern(regexp = "email|sms", message = "a channel is email or sms") String> channels,
            @Schema(description = "Optional: the consent wording the form showed (up to 4,000 characters), kept as "
                    + "evidence", example = "Yes, I would like news and offers from Dr Alluris Aesthetics by email.")
            @Size(max = 4000) String consentText,
            @Schema(description = "Optional: which form was used: letters, digits and . _ : - (up to 200 characters)",
                    example = "website-footer:v2")
            @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "a form id is letters, digits and . _ : -")
            String formId) {
    }

    private final DoubleOptIn optIn;

    SubscriptionController(DoubleOptIn optIn) {
        this.optIn = optIn;
    }

    @PostMapping
    @Operation(summary = "Sign up", description = "Starts a double opt-in sign-up: a confirmation link is mailed and "
            + "nobody is subscribed until it is used. Public, without a token: limited per address by the gateway and "
            + "to 3 confirmation mails per email address a day. A valid sign-up is always a 202 with the same words, "
            + "revealing nothing: for a suppressed (erased, objecting) or restricted person nothing is stored or sent.")
    ResponseEntity<Map<String, String>> signUp(@Valid @RequestBody NewSignUp body, HttpServletRequest request) {
        List<MarketingChannel> channels = body.channels() == null || body.channels().isEmpty()
                ? List.of(MarketingChannel.EMAIL)
                : body.channels().stream().distinct().map(c -> MarketingChannel.fromWire(c).orElseThrow()).toList();
        optIn.signUp(new DoubleOptIn.SignUp(body.email(), body.phone(), body.fullName(), body.lists(), channels,
                body.consentText(), body.formId()), CallerAddress.anonymised(request),
                request.getHeader(HttpHeaders.USER_AGENT));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "pending", "message", ACCEPTED));
    }

    /**
     * The link in the mail, opened in a browser — or by a mail scanner or a link preview, which follow links without
     * anyone asking: so it only shows a page whose button POSTs, and subscribes nobody. A forged, expired or unknown
     * link is a problem answer here already, so the person learns it before pressing anything.
     */
    @GetMapping("/confirm")
    @Operation(summary = "Show the confirmation page", description = "The mailed link: an HTML page whose button "
            + "confirms, so that mail scanners and link previews subscribe nobody; changes nothing. Public, the signed "
            + "token is the authority; a forged token is a 400, an expired one a 410 and a sign-up no longer waiting a "
            + "404, shown as a page to a browser.")
    @MailedLink(nextStepLabel = "Sign up again", nextStep = "${alluris.mail-links.sign-up:/}")
    ResponseEntity<String> confirmationPage(@RequestParam String token) {
        if (optIn.isConfirmed(token)) {
            return Pages.html("You are already subscribed",
                    "Thank you: this subscription is confirmed. You can leave at any time with the unsubscribe link in "
                            + "every message.", null);
        }
        String form = """
                <form method="post" action="%s?token=%s">
                <button type="submit">Yes, subscribe me</button></form>
                """.formatted(MarketingMail.CONFIRM_PATH, HtmlUtils.htmlEscape(token));
        return Pages.html("Confirm your subscription", "Press the button to confirm that you would like news, offers "
                + "and updates from Dr Alluris Aesthetics. Nothing happens until you do.", form);
    }

    /**
     * Confirms: the button on the page (a browser, answered with a page) or an API caller (answered in JSON). Using
     * the link again changes nothing.
     */
    @PostMapping("/confirm")
    @Operation(summary = "Confirm a sign-up", description = "Confirms the sign-up the signed token names: the person "
            + "becomes a subscriber with consent for the channels they chose, and the consent ledger is told; answered "
            + "as a page to a browser asking for HTML, else as JSON. Public, the token is the authority; using it "
            + "again changes nothing, and a person suppressed or restricted since signing up is refused (409).")
    @MailedLink(nextStepLabel = "Sign up again", nextStep = "${alluris.mail-links.sign-up:/}")
    ResponseEntity<?> confirm(@RequestParam String token,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        DoubleOptIn.Confirmation done = optIn.confirm(token);
        if (wantsPage(accept)) {
            return Pages.html(done.alreadyConfirmed() ? "You are already subscribed" : "You are subscribed",
                    "Thank you for confirming. You can leave at any time with the unsubscribe link in every message.",
                    null);
        }
        return ResponseEntity.ok(Map.of("status", "confirmed", "alreadyConfirmed", done.alreadyConfirmed()));
    }

    /** A browser's form submission asks for HTML by name; API callers ask for JSON, or for nothing in particular. */
    private static boolean wantsPage(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
