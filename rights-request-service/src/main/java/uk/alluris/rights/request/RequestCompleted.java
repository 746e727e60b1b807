package uk.alluris.rights.request;

import java.time.Instant;
import java.util.UUID;

/**
 * Every registered service has answered the request: published (as a Spring application event) once the completed
 * request is saved, for what follows a completion — an export request's bundle. A listener that missed it (the
 * service stopped in between) finds the completed request in the store; see {@code bundle.BundleReadiness}.
 */
public record RequestCompleted(UUID requestId, RequestType type, Instant completedAt) {
}
