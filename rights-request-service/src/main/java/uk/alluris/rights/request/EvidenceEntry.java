package uk.alluris.rights.request;

import java.time.Instant;

/** One step in a request's history: what happened, when, and who did it. Kept after the request completes. */
public record EvidenceEntry(Instant at, String actor, String step, String detail) {
}
