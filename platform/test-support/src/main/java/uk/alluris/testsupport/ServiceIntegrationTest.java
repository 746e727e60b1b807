package uk.alluris.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service's plain integration test context: the whole service on a random port against the JVM's embedded broker
 * and store, in the local profile. Spring keys its context cache on the configuration, not on how it was written,
 * so every class carrying this (or the same two annotations written out) shares one context per test JVM. Put
 * differences into the test's data, not into properties here (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
public @interface ServiceIntegrationTest {
}
