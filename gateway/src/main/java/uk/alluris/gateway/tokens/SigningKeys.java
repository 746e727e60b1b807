package uk.alluris.gateway.tokens;

import com.google.crypto.tink.Aead;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.alluris.kit.secrets.Keysets;

/**
 * The key ring: the newest key signs; a key stops signing (retires) when a newer one is made, stays published in the
 * JWKS while a token it signed can still be valid (retired + token lifetime) and is then deleted, private half and
 * all. A new key is made when the newest is older than the rotation period, so rotation needs no one's action.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final TokenProperties properties;
    private final Clock clock;
    private final Aead seal;
    private volatile Ring ring;

    SigningKeys(ReactiveMongoTemplate mongo, TokenProperties properties, Clock clock, Keysets keysets) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.seal = keysets.aead("ALLURIS_SIGNING_KEYS_KEYSET", properties.signingKeyset());
    }

    /** The key that signs now. */
    Mono<RSAKey> active() {
        return ring().map(Ring::active);
    }

    /** The public halves of every key a live token may carry. */
    Mono<JWKSet> publicKeys() {
        return ring().map(r -> new JWKSet(r.keys.stream().map(k -> (JWK) k.publicKey()).toList()));
    }

    private Mono<Ring> ring() {
        Ring current = ring;
        Instant now = clock.instant();
        if (current != null && current.loadedAt.plus(RELOAD_AFTER).isAfter(now)) {
            return Mono.just(current);
        }
        return mongo.findAll(SigningKey.class).collectList()
                .flatMap(keys -> dropDead(keys, now))
                .flatMap(keys -> rotateIfDue(keys, now))
                .map(keys -> {
                    Ring loaded = new Ring(keys, keys.get(0).privateKey(seal), now);
                    ring = loaded;
                    return loaded;
                });
    }

    /** Deletes keys no valid token can carry any more (and any key stored before keys were sealed). */
    private Mono<List<SigningKey>> dropDead(List<SigningKey> stored, Instant now) {
        List<SigningKey> newestFirst = stored.stream().filter(SigningKey::sealed)
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
        List<SigningKey> live = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            // a key retires when the next one is made; its tokens are valid for one lifetime after that at most
            Instant retiredAt = i == 0 ? null : newestFirst.get(i - 1).createdAt();
            if (retiredAt == null || !retiredAt.plus(properties.lifetime()).isBefore(now)) {
                live.add(newestFirst.get(i));
            }
        }
        List<String> dead = stored.stream().filter(k -> !live.contains(k)).map(SigningKey::kid).toList();
        if (dead.isEmpty()) {
            return Mono.just(live);
        }
        log.info("signing keys deleted: {} (no token they signed can still be valid, or stored unsealed)", dead);
        return mongo.remove(new Query(Criteria.where("_id").in(dead)), SigningKey.class).thenReturn(live);
    }

    private Mono<List<SigningKey>> rotateIfDue(List<SigningKey> live, Instant now) {
        boolean due = live.isEmpty() || live.get(0).createdAt().isBefore(now.minus(properties.keyRotation()));
        if (!due) {
            return Mono.just(live);
        }
        return mongo.insert(SigningKey.generate(now, seal)).map(saved -> {
            List<SigningKey> ring = new ArrayList<>(List.of(saved));
            ring.addAll(live);
            return ring;
        });
    }

    private record Ring(List<SigningKey> keys, RSAKey active, Instant loadedAt) {
    }
}
