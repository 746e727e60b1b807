package uk.alluris.rights.complaints;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Complaints extends MongoRepository<Complaint, UUID> {

    List<Complaint> findByEmailIndexOrderByReceivedAtDesc(String emailIndex);

    List<Complaint> findByStatusOrderByDueDateAscReceivedAtAsc(Complaint.Status status);

    List<Complaint> findByStatusAndAnswerMailedAtIsNull(Complaint.Status status);
}
