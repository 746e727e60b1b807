package uk.alluris.rights.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PrivacyRequests extends MongoRepository<PrivacyRequest, UUID> {

    int CHANGE_ATTEMPTS = 5;

    List<PrivacyRequest> findByStatus(RequestStatus status);

    /** Whether an opt-out for this email index is in this state (an opt-out has an origin). */
    boolean existsByTypeAndStatusAndOriginNotNullAndEmailIndex(RequestType type, RequestStatus status, String emailIndex);

    /** Whether an opt-out naming any of these subject ids is in this state. */
    boolean existsByTypeAndStatusAndOriginNotNullAndSubjectIdsIn(RequestType type, RequestStatus status,
            List<String> subjectIds);

    List<PrivacyRequest> findByStatusIn(List<RequestStatus> statuses);

    /** Requests in this state completed after a moment: what the outcome mail's catch-up looks through. */
    List<PrivacyRequest> findByStatusAndCompletedAtAfter(RequestStatus status, Instant after);

    List<PrivacyRequest> findByTypeAndStatus(RequestType type, RequestStatus status);

    /** A person's own requests, newest first: what the client portal lists. */
    List<PrivacyRequest> findByEmailIndexOrderByReceivedAtDesc(String emailIndex);

    /** Applies a change to the stored request, re-reading it when another change got there first. */
    default PrivacyRequest change(UUID id, Consumer<PrivacyRequest> change) {
        for (int attempt = 1; ; attempt++) {
            PrivacyRequest fresh = findById(id).orElseThrow();
            change.accept(fresh);
            try {
                return save(fresh);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == CHANGE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
