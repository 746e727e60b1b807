package uk.alluris.booking.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Closures extends MongoRepository<Closure, UUID> {

    List<Closure> findByDateBetweenOrderByDateAsc(LocalDate from, LocalDate to);

    List<Closure> findAllByOrderByDateAsc();

    boolean existsByDate(LocalDate date);
}
