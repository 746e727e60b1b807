package uk.alluris.marketing.campaigns;

import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Campaigns extends MongoRepository<Campaign, UUID> {
}
