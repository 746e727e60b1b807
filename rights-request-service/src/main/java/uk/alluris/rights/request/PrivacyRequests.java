package uk.alluris.rights.request;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PrivacyRequests extends MongoRepository<PrivacyRequest, UUID> {

    List<PrivacyRequest> findByStatus(RequestStatus status);

    List<PrivacyRequest> findByStatusIn(List<RequestStatus> statuses);
}
