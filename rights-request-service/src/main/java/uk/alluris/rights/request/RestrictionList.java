package uk.alluris.rights.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * The privacy officer's list of people whose processing is restricted now: every completed restriction request that no
 * later completed lift names (the same email or phone blind index, or a shared subject id). The rights service is the
 * one place that knows every restriction the platform applied, with its dates; each service keeps its own register
 * for enforcing it. Paged, newest restriction first; blind indexes are never shown, the request's id links to its page.
 */
@RestController
class RestrictionList {

    /** One restricted person, by the request that restricted them. */
    record Restricted(@Schema(description = "The id of the request that restricted the person",
            example = "5b9e0c2d-8a4f-4e1b-b7c3-2d6f9a1e4c08") UUID requestId,
            @Schema(description = "When that request was filed (ISO 8601, UTC)", example = "2026-11-02T08:55:00Z")
            Instant requestedAt,
            @Schema(description = "When the restriction took effect: the request completed (ISO 8601, UTC)",
                    example = "2026-11-02T09:40:00Z") Instant restrictedSince,
            @Schema(description = "Which identifiers name the person to the services: EMAIL, PHONE or both (never the"
                    + " identifiers themselves)", example = "[\"EMAIL\"]") List<Identifier> proven,
            @Schema(description = "The service that passed the request on, when the person did not file it themselves;"
                    + " null for a request the person filed", example = "marketing-service") String origin) {
    }

    record RestrictedPage(@Schema(description = "The restricted people on this page, newest restriction first",
            example = "[{\"requestId\": \"5b9e0c2d-8a4f-4e1b-b7c3-2d6f9a1e4c08\","
                    + " \"restrictedSince\": \"2026-11-02T09:40:00Z\", \"proven\": [\"EMAIL\"]}]")
            List<Restricted> items,
            @Schema(description = "This page's number, from 0", example = "0") int page,
            @Schema(description = "The page size asked for, 1 to 100", example = "20") int size,
            @Schema(description = "How many people are restricted now, on all pages", example = "3") long total) {
    }

    private final PrivacyRequests requests;

    RestrictionList(PrivacyRequests requests) {
        this.requests = requests;
    }

    @Operation(summary = "List the people restricted now", description = "Every completed restriction request that no"
            + " later completed lift names (the same email or phone, or a shared subject id), newest restriction first,"
            + " saying which identifiers name the person but never the identifiers themselves. Privacy officer only"
            + " (403 otherwise); page from 0, size from 1 to 100.")
    @GetMapping("/api/privacy/restrictions")
    RestrictedPage current(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (!CurrentCaller.get().map(caller -> caller.hasRole("PRIVACY_OFFICER")).orElse(false)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "only the privacy officer may do this");
        }
        if (page < 0 || size < 1 || size > 100) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "page must be 0 or more and size from 1 to 100");
        }
        List<PrivacyRequest> lifts = requests.findByTypeAndStatus(RequestType.LIFT_RESTRICTION, RequestStatus.COMPLETED);
        List<Restricted> current = requests.findByTypeAndStatus(RequestType.RESTRICTION, RequestStatus.COMPLETED)
                .stream()
                .filter(restriction -> lifts.stream().noneMatch(lift -> lifts(lift, restriction)))
                .sorted(Comparator.comparing(PrivacyRequest::completedAt).reversed())
                .map(r -> new Restricted(r.id(), r.receivedAt(), r.completedAt(), r.proven(), r.origin()))
                .toList();
        int from = (int) Math.min((long) page * size, current.size());
        return new RestrictedPage(current.subList(from, Math.min(from + size, current.size())), page, size,
                current.size());
    }

    /** Whether {@code lift} completed after {@code restriction} and names the same person. */
    static boolean lifts(PrivacyRequest lift, PrivacyRequest restriction) {
        return lift.completedAt() != null && lift.completedAt().isAfter(restriction.completedAt())
                && (same(lift.emailIndex, restriction.emailIndex) || same(lift.phoneIndex, restriction.phoneIndex)
                        || lift.subjectIds.stream().anyMatch(restriction.subjectIds::contains));
    }

    private static boolean same(String one, String other) {
        return one != null && Objects.equals(one, other);
    }
}
