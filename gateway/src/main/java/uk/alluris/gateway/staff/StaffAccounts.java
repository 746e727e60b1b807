package uk.alluris.gateway.staff;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface StaffAccounts extends ReactiveMongoRepository<StaffAccount, String> {
}
