package uk.alluris.gateway.tokens;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The key ring: the newest key signs; every key still able to have signed a live token is published in the JWKS.
 * A new key is made when the newest is older than the rotation period, so rotation needs no one's action.
 */
@Component
class SigningKeys {

    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final TokenProperties properties;
    private final Clock clock;
    private volatile Ring ring;

    SigningKeys(ReactiveMongoTemplate mongo, TokenProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs now. */
    Mono<RSAKey> active() {
        return ring().map(r -> r.keys.get(0).rsaKey());
    }

    /** The public halves of every key a live token may carry. */
    Mono<JWKSet> publicKeys() {
        return ring().map(r -> new JWKSet(r.keys.stream().map(k -> (JWK) k.rsaKey().toPublicJWK())
                .toList()));
    }

    private Mono<Ring> ring() {
        Ring current = ring;
        Instant now = clock.instant();
        if (current != null && current.loadedAt.plus(RELOAD_AFTER).isAfter(now)) {
            return Mono.just(current);
        }
        return mongo.findAll(SigningKey.class).collectList()
                .flatMap(keys -> rotateIfDue(keys, now))
                .map(keys -> {
                    Ring loaded = new Ring(keys, now);
                    ring = loaded;
                    return loaded;
                });
    }

    private Mono<List<SigningKey>> rotateIfDue(List<SigningKey> stored, Instant now) {
        Instant retiredBefore = now.minus(properties.keyRotation()).minus(properties.lifetime());
        List<SigningKey> live = stored.stream().filter(k -> k.createdAt().isAfter(retiredBefore))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
        boolean due = live.isEmpty() || live.get(0).createdAt().isBefore(now.minus(properties.keyRotation()));
        if (!due) {
            return Mono.just(live);
        }
        SigningKey fresh = SigningKey.generate(now);
        return mongo.insert(fresh).map(saved -> Stream.concat(Stream.of(saved), live.stream()).toList());
    }

    private record Ring(List<SigningKey> keys, Instant loadedAt) {
    }
}
