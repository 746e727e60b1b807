package uk.alluris.booking.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one client on one channel, and once sent, the log line of it: which message, when, on which channel,
 * the provider's id — never its text, which is written from the {@link MessagePlan} at the moment of sending. The id
 * is the message's key for good (appointment, kind, offset, channel, the appointment time it was planned for), so a
 * redelivered booking event schedules nothing twice and a provider that honours keys sends a retried message once.
 */
@Document("scheduled_messages")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
class ScheduledMessage {

    enum Kind { REMINDER, AFTERCARE, DEPOSIT_RECEIPT, REFUND_RECEIPT, RETENTION_NOTICE }

    enum Channel { EMAIL, SMS }

    /**
     * PENDING until due; SENDING while one dispatcher holds it (until its lease ends); then SENT, or CANCELLED (the
     * appointment was cancelled or moved, or nobody is left to write to), or FAILED after the last try.
     */
    enum Status { PENDING, SENDING, SENT, CANCELLED, FAILED }

    @Id
    String key;
    UUID appointmentId;
    @Indexed
    UUID clientId;
    Kind kind;
    /** Reminders only: how many hours before the start. */
    Long offsetHours;
    Channel channel;
    Instant dueAt;
    Status status;
    Instant leaseUntil;
    int attempts;
    /** Receipts only: the amount the receipt is for. */
    long amountPence;
    String providerMessageId;
    Instant scheduledAt;
    Instant sentAt;
    String lastError;
    /** Retention notices only: the day the profile is to be erased, and the day the notice was given. */
    LocalDate erasureOn;
    LocalDate noticeGivenOn;

    static ScheduledMessage plan(UUID appointmentId, UUID clientId, Kind kind, Duration offset, Channel channel,
            Instant plannedFor, Instant dueAt, long amountPence, Instant now) {
        ScheduledMessage message = new ScheduledMessage();
        message.key = appointmentId + ":" + kind.name().toLowerCase() + (offset == null ? "" : ":" + offset.toMinutes() + "m")
                + ":" + channel.name().toLowerCase() + ":" + plannedFor.getEpochSecond();
        message.appointmentId = appointmentId;
        message.clientId = clientId;
        message.kind = kind;
        message.offsetHours = offset == null ? null : offset.toHours();
        message.channel = channel;
        message.dueAt = dueAt;
        message.status = Status.PENDING;
        message.amountPence = amountPence;
        message.scheduledAt = now;
        return message;
    }

    String key() {
        return key;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    UUID clientId() {
        return clientId;
    }

    Kind kind() {
        return kind;
    }

    Long offsetHours() {
        return offsetHours;
    }

    Channel channel() {
        return channel;
    }

    Instant dueAt() {
        return dueAt;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    long amountPence() {
        return amountPence;
    }

    String providerMessageId() {
        return providerMessageId;
    }

    Instant sentAt() {
        return sentAt;
    }
}
