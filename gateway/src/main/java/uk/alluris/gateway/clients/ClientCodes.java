package uk.alluris.gateway.clients;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface ClientCodes extends ReactiveMongoRepository<ClientCode, String> {
}
