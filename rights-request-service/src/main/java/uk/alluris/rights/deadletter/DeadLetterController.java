package uk.alluris.rights.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * The privacy officer's view of messages the platform could not handle: nothing is dropped unseen. The officer may send
 * a letter back to its topic once (a redrive), and every redrive is kept as evidence: who, when, which message.
 */
@RestController
class DeadLetterController {

    /** Which parked message to send back: its dead-letter topic ({@code error.…}), partition and offset. */
    record RedriveOrder(@Schema(description = "The dead-letter topic the message is parked on: error.<topic>.<consumer"
            + " group> (at most 249 characters)", example = "error.privacy.receipts.rights-request-service")
            @NotBlank @Size(max = 249) @Pattern(regexp = "error\\.[A-Za-z0-9._-]+",
            message = "must be a dead-letter topic (error.<topic>.<group>)") String topic,
            @Schema(description = "The message's partition on that topic, from 0", example = "0")
            @NotNull @PositiveOrZero Integer partition,
            @Schema(description = "The message's offset in that partition, from 0", example = "42")
            @NotNull @PositiveOrZero Long offset) {
    }

    /** One page of redrives, newest first. */
    record RedrivePage(@Schema(description = "The redrives on this page, newest first",
            example = "[{\"id\": \"error.privacy.receipts.rights-request-service:0:42\","
                    + " \"originalTopic\": \"privacy.receipts\", \"at\": \"2026-12-03T11:05:00Z\"}]")
            List<Redrive> items,
            @Schema(description = "This page's number, from 0", example = "0") int page,
            @Schema(description = "The page size asked for, 1 to 100", example = "20") int size,
            @Schema(description = "How many redrives there are, on all pages", example = "7") long total) {
    }

    private final DeadLetters deadLetters;
    private final DeadLetterRedriving redriving;
    private final Redrives redrives;

    DeadLetterController(DeadLetters deadLetters, DeadLetterRedriving redriving, Redrives redrives) {
        this.deadLetters = deadLetters;
        this.redriving = redriving;
        this.redrives = redrives;
    }

    @Operation(summary = "List dead-letter topics", description = "Every dead-letter topic with its size and its latest"
            + " parked messages (type, id, reason, partition, offset; never a body), so nothing is dropped unseen."
            + " Privacy officer only; paged.")
    @GetMapping("/api/privacy/dead-letters")
    List<DeadLetters.Topic> all(Paging paging) {
        officer();
        return paging.of(deadLetters.all());
    }

    @Operation(summary = "Redrive a dead letter", description = "Sends one parked message back to the topic it came"
            + " from, once (the same message again is a 409 problem), and keeps the redrive as evidence: who, when,"
            + " which message. Privacy officer only, decided before the body is read.")
    @PostMapping("/api/privacy/dead-letters/redrives")
    @ResponseStatus(HttpStatus.CREATED)
    Redrive redrive(@Valid @RequestBody RedriveOrder order) {
        return redriving.redrive(order.topic(), order.partition(), order.offset(), officer());
    }

    @Operation(summary = "List redrives", description = "The dead letters sent back so far, newest first, with who"
            + " sent each and when. Privacy officer only; page from 0, size from 1 to 100.")
    @GetMapping("/api/privacy/dead-letters/redrives")
    RedrivePage redrives(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        officer();
        if (page < 0 || size < 1 || size > 100) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "page must be 0 or more and size from 1 to 100");
        }
        var found = redrives.findAllByOrderByAtDesc(PageRequest.of(page, size));
        return new RedrivePage(found.getContent(), page, size, found.getTotalElements());
    }

    /** The officer's subject; anyone else gets 403. */
    private static String officer() {
        return CurrentCaller.get().filter(caller -> caller.hasRole("PRIVACY_OFFICER")).map(CurrentCaller::subject)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                        "only the privacy officer may do this"));
    }
}
