package uk.alluris.rights.deadletter;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Redrives extends MongoRepository<Redrive, String> {

    Page<Redrive> findAllByOrderByAtDesc(Pageable page);
}
