package uk.alluris.booking.catalogue;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Practitioners extends MongoRepository<Practitioner, UUID> {

    List<Practitioner> findByActiveTrueOrderByNameAsc();

    List<Practitioner> findAllByOrderByNameAsc();
}
