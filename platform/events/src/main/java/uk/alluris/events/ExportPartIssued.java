package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One part of a sealed export too large for one Kafka message ({@link ReceiptIssued#exportParts()}): {@code part} of
 * {@code parts} (counted from 0), {@code sealedData} a slice of the sealed export's base64 text, {@code exportDigest} the
 * SHA-256 (hex) of the whole, as the receipt names it (a service that died and sealed the export again sends parts of
 * another digest, which are never mixed with these). The parts carry no plaintext: the whole is encrypted to the
 * request's recipient key before it is cut. Keyed by the request, so the parts and the receipt share a partition.
 */
public record ExportPartIssued(UUID eventId, UUID requestId, String service, int part, int parts, String sealedData,
        String exportDigest, Instant occurredAt) implements PlatformEvent {

    @Override
    public String partitionKey() {
        return requestId.toString();
    }
}
