package uk.alluris.rights.deadletter;

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
    record RedriveOrder(@NotBlank @Size(max = 249) @Pattern(regexp = "error\\.[A-Za-z0-9._-]+",
            message = "must be a dead-letter topic (error.<topic>.<group>)") String topic,
            @NotNull @PositiveOrZero Integer partition, @NotNull @PositiveOrZero Long offset) {
    }

    /** One page of redrives, newest first. */
    record RedrivePage(List<Redrive> items, int page, int size, long total) {
    }

    private final DeadLetters deadLetters;
    private final DeadLetterRedriving redriving;
    private final Redrives redrives;

    DeadLetterController(DeadLetters deadLetters, DeadLetterRedriving redriving, Redrives redrives) {
        this.deadLetters = deadLetters;
        this.redriving = redriving;
        this.redrives = redrives;
    }

    @GetMapping("/api/privacy/dead-letters")
    List<DeadLetters.Topic> all(Paging paging) {
        officer();
        return paging.of(deadLetters.all());
    }

    @PostMapping("/api/privacy/dead-letters/redrives")
    @ResponseStatus(HttpStatus.CREATED)
    Redrive redrive(@Valid @RequestBody RedriveOrder order) {
        return redriving.redrive(order.topic(), order.partition(), order.offset(), officer());
    }

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
