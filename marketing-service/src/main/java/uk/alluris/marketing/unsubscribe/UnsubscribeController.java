package uk.alluris.marketing.unsubscribe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import uk.alluris.kit.apidocs.PlatformApiConventions;
import uk.alluris.kit.problem.MailedLink;
import uk.alluris.kit.problem.MailedLinks;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.marketing.mail.MarketingMail;
import uk.alluris.marketing.mail.SignedLinks;
import uk.alluris.marketing.web.Pages;

/**
 * The unsubscribe link of every marketing message (no sign-in: the signed token is the authority). RFC 8058: a
 * {@code POST} with the form field {@code List-Unsubscribe=One-Click} (url-encoded or multipart) unsubscribes — what a mail client sends for the
 * one-click button, and what the page's button sends. A {@code GET} only shows that page: mail scanners and link
 * previews follow links, and must not unsubscribe anyone by doing so. A forged or damaged token is a 400 problem and
 * changes nothing; a browser is shown that as a page with the privacy centre one click away ({@link MailedLink}).
 */
@RestController
@MailedLinks
class UnsubscribeController {

    static final String ONE_CLICK = "One-Click";

    private final SignedLinks links;
    private final OneClickUnsubscribe unsubscribe;

    UnsubscribeController(SignedLinks links, OneClickUnsubscribe unsubscribe) {
        this.links = links;
        this.unsubscribe = unsubscribe;
    }

    @GetMapping(MarketingMail.UNSUBSCRIBE_PATH)
    @Operation(summary = "Show the unsubscribe page", description = "The unsubscribe link of a marketing message: an "
            + "HTML page whose button unsubscribes, so that mail scanners and link previews unsubscribe nobody; "
            + "changes nothing. Public, limited per address by the gateway; the signed token is the authority, and a "
            + "forged or damaged one is a 400.")
    @MailedLink(nextStepLabel = "Stop all marketing through our privacy centre", nextStep = "${alluris.mail-links.privacy-centre:/privacy}")
    ResponseEntity<String> page(@RequestParam String token) {
        links.openUnsubscribe(token);
        String form = """
                <form method="post" action="%s?token=%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe from everything</button></form>
                """.formatted(MarketingMail.UNSUBSCRIBE_PATH, HtmlUtils.htmlEscape(token));
        return Pages.html("Unsubscribe", "Press the button to stop all marketing messages from Dr Alluris Aesthetics.",
                form);
    }

    @PostMapping(MarketingMail.UNSUBSCRIBE_PATH)
    @Operation(summary = "Unsubscribe with one click", description = "RFC 8058 one-click unsubscribe: the form field "
            + "List-Unsubscribe=One-Click unsubscribes the token's subscriber from everything, drops their channel "
            + "consents and suppresses them as an objection to marketing, told to every service. Public, limited per "
            + "address by the gateway; the signed token is the authority; a second click, or a subscriber already "
            + "erased, changes nothing.", extensions = @Extension(properties = @ExtensionProperty(
                    name = PlatformApiConventions.NAMES_FIXED_BY,
                    value = "RFC 8058 one-click unsubscribe (the form field List-Unsubscribe)")))
    @MailedLink(nextStepLabel = "Stop all marketing through our privacy centre", nextStep = "${alluris.mail-links.privacy-centre:/privacy}")
    ResponseEntity<String> oneClick(@RequestParam String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String listUnsubscribe) {
        UUID subscriber = links.openUnsubscribe(token);
        if (!ONE_CLICK.equals(listUnsubscribe)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "an unsubscribe is a POST with the form body List-Unsubscribe=One-Click (RFC 8058)");
        }
        unsubscribe.unsubscribe(subscriber);
        return Pages.html("You are unsubscribed",
                "You will receive no more marketing messages from us, by any channel.", null);
    }
}
