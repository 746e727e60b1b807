package uk.alluris.kit.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/** UP when the service's own database answers {@code ping}: a command both MongoDB and mongo-java-server know. */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN")
                .withDetail("database", mongo.getDb().getName());
    }
}
