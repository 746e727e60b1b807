package uk.alluris.booking.catalogue;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Treatments extends MongoRepository<Treatment, UUID> {

    List<Treatment> findByActiveTrueOrderByNameAsc();

    List<Treatment> findAllByOrderByNameAsc();
}
