package uk.alluris.kit.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The reactive twin of {@link MongoPingHealthIndicator}, for the WebFlux gateway. */
class ReactiveMongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    ReactiveMongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .map(answer -> builder.status(answer.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN").build());
    }
}
