package uk.alluris.booking.appointments;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Appointments extends MongoRepository<Appointment, UUID> {

    List<Appointment> findByClientIdOrderByStartAsc(UUID clientId);
}
