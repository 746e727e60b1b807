package uk.alluris.rights.request;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PrivacyRequests extends MongoRepository<PrivacyRequest, UUID> {

    List<PrivacyRequest> findByStatus(RequestStatus status);

    /** Whether an opt-out for this email index is in this state (an opt-out has an origin). */
    boolean existsByTypeAndStatusAndOriginNotNullAndEmailIndex(RequestType type, RequestStatus status, String emailIndex);

    /** Whether an opt-out naming any of these subject ids is in this state. */
    boolean existsByTypeAndStatusAndOriginNotNullAndSubjectIdsIn(RequestType type, RequestStatus status,
            List<String> subjectIds);

    List<PrivacyRequest> findByStatusIn(List<RequestStatus> statuses);
}
