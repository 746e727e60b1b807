package uk.alluris.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The gateway with its front door configured (a trusted proxy, the portal's origin, the clinic website's origins, its own
 * public address with a trailing slash, 16 KB bodies) and nothing listening behind booking, marketing and rights: a call the front door
 * lets through meets the 503 fallback. One configuration, so the classes that use it share one Spring context
 * instead of starting one each; each class speaks from its own client addresses, so rate limits do not meet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.front-door.trusted-proxies=127.0.0.1",
        "alluris.front-door.portal-origin=https://portal.alluris.example",
        "alluris.front-door.public-base-url=https://gateway.alluris.example/",
        "alluris.front-door.website-origins=https://www.alluris-clinic.example/, https://alluris-clinic.example",
        "alluris.front-door.max-body=16KB",
        "alluris.gateway.services.booking-service.uri=http://127.0.0.1:9",
        "alluris.gateway.services.marketing-service.uri=http://127.0.0.1:9",
        "alluris.gateway.services.rights-request-service.uri=http://127.0.0.1:9",
        "alluris.gateway.services.consent-service.uri=http://127.0.0.1:9" })
@UsesEmbeddedInfrastructure
public @interface GatewayBeforeUnreachableServices {
}
