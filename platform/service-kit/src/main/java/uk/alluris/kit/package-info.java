/**
 * What every Alluris service shares, as Spring Boot auto-configuration: blind indexes ({@code identity}), CloudEvents
 * messages ({@code messaging}), the outbox relay ({@code outbox}), the idempotent-consumer guard ({@code inbox}),
 * RFC 9457 problem details ({@code problem}), health checks that work on MongoDB and mongo-java-server
 * ({@code health}) and masking of personal data in logs ({@code logging}).
 */
package uk.alluris.kit;
