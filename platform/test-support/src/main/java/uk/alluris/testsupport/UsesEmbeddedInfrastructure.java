package uk.alluris.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test context against the JVM's one embedded Kafka broker and MongoDB-wire store
 * (see {@link EmbeddedInfrastructure}), in the {@code local} profile: the service's committed local secrets
 * (application-local.yml), which no other profile accepts. Put it beside {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
@ActiveProfiles("local")
public @interface UsesEmbeddedInfrastructure {
}
