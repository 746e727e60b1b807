package uk.alluris.rights.deadletter;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/** The privacy officer's view of messages the platform could not handle: nothing is dropped unseen. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/privacy/dead-letters")
    List<DeadLetters.Topic> all(Paging paging) {
        if (!CurrentCaller.get().map(caller -> caller.hasRole("PRIVACY_OFFICER")).orElse(false)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "only the privacy officer may do this");
        }
        return paging.of(deadLetters.all());
    }
}
