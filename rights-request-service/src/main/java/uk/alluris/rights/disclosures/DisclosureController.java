package uk.alluris.rights.disclosures;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;

/**
 * The disclosure log: the privacy officer and administrators (security.AccessConfiguration) record disclosures and
 * look a person's up by email or phone (in a body, so no identifier sits in an address or access log). The recent
 * list names recipients and dates only, never the details or the person.
 */
@RestController
@RequestMapping("/api/privacy/disclosures")
class DisclosureController {

    private final RecordingDisclosures recording;
    private final Disclosures disclosures;

    DisclosureController(RecordingDisclosures recording, Disclosures disclosures) {
        this.recording = recording;
        this.disclosures = disclosures;
    }

    @Operation(summary = "Record a disclosure", description = "Records a disclosure of a person's data, named by email"
            + " or phone (kept as blind indexes): to which recipient of the register, which of its data categories,"
            + " when, on what legal basis, and whether the person was told (if not, the exemption relied on); the"
            + " details are kept sealed. Privacy officer and administrators only.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DisclosureBodies.View record(@Valid @RequestBody DisclosureBodies.Recorded body, @AuthenticationPrincipal Jwt caller) {
        Disclosure saved = recording.record(body, caller.getSubject());
        return view(saved, recording.details(saved));
    }

    @Operation(summary = "Look up a person's disclosures", description = "Every disclosure about one person, found by"
            + " the email or phone given in the body (so no identifier sits in an address or access log), with their"
            + " details, held ones marked. Privacy officer and administrators only; paged.")
    @PostMapping("/lookup")
    List<DisclosureBodies.View> about(@Valid @RequestBody DisclosureBodies.Person person, Paging paging) {
        return paging.of(recording.about(person).stream().map(d -> view(d, recording.details(d))).toList());
    }

    @Operation(summary = "List recent disclosures", description = "The disclosure log, newest first: recipients,"
            + " categories, dates and legal bases, never the details or the person. Privacy officer and administrators"
            + " only; paged.")
    @GetMapping
    List<DisclosureBodies.View> recent(Paging paging) {
        return paging.of(disclosures.findAllByOrderByDisclosedOnDescRecordedAtDesc().stream()
                .map(d -> view(d, null)).toList());
    }

    private static DisclosureBodies.View view(Disclosure d, String details) {
        return new DisclosureBodies.View(d.id, d.recipient, d.recipientName, d.categories, d.disclosedOn, d.legalBasis,
                d.personTold, d.exemptionGround, details, d.recordedBy, d.recordedAt, d.hold != null,
                d.hold == null ? null : d.hold.ground());
    }
}
