package uk.alluris.booking.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.booking.appointments.AppointmentPrivacy;
import uk.alluris.booking.clients.ClientPrivacy;
import uk.alluris.booking.messages.MessagePrivacy;
import uk.alluris.kit.retention.RetentionDay;

/**
 * Clients whose last activity (their latest appointment, or their registration if they never booked) is older than
 * the register's {@code client-profiles} period. Nobody is erased unnoticed: a notice mail goes through the
 * messages queue {@link #NOTICE_DAYS} days before the end date, and an end date reached without one (the job was
 * down, the period shortened) moves to {@link #NOTICE_DAYS} days after the notice.
 */
@Component
class InactiveClients {

    static final int NOTICE_DAYS = 30;

    /** One client and the day their period ends. */
    record Inactive(UUID clientId, LocalDate endsOn) {
    }

    /** The run's decision of who is due, remembered for the day it was made. */
    private record Decided(LocalDate day, List<Inactive> due) {
    }

    private volatile Decided decided = new Decided(null, List.of());
    private final ClientPrivacy clients;
    private final AppointmentPrivacy appointments;
    private final MessagePrivacy messages;

    InactiveClients(ClientPrivacy clients, AppointmentPrivacy appointments, MessagePrivacy messages) {
        this.clients = clients;
        this.appointments = appointments;
        this.messages = messages;
    }

    /** Clients whose period ends on or before {@code day.today()}. */
    List<Inactive> endingBy(RetentionDay day) {
        List<Inactive> ending = new ArrayList<>();
        for (ClientPrivacy.Registered client : clients.registeredBefore(day.endedBefore())) {
            Instant last = appointments.lastAppointment(client.clientId())
                    .filter(start -> start.isAfter(client.registeredAt())).orElse(client.registeredAt());
            LocalDate endsOn = day.endDate(RetentionDay.clinicDay(last));
            if (!endsOn.isAfter(day.today())) {
                ending.add(new Inactive(client.clientId(), endsOn));
            }
        }
        return ending;
    }

    /**
     * Decides who is due today ({@link #noticedAndDue}) and remembers it, so that the run's next category erases the
     * same people: ending a client's appointments first takes them off the client, which would move the last activity.
     */
    List<Inactive> decide(RetentionDay day) {
        List<Inactive> due = noticedAndDue(day);
        decided = new Decided(day.today(), due);
        return due;
    }

    /** Who this day's run decided is due; decided now if no run has today. */
    List<Inactive> decided(RetentionDay day) {
        Decided last = decided;
        return day.today().equals(last.day()) ? last.due() : decide(day);
    }

    /** Gives the notice to those ending within the notice period who have not had it; then who may be erased today. */
    private List<Inactive> noticedAndDue(RetentionDay day) {
        List<Inactive> due = new ArrayList<>();
        for (Inactive client : endingBy(day.plusDays(NOTICE_DAYS))) {
            var noticed = messages.noticeGivenOn(client.clientId(), client.endsOn());
            if (noticed.isEmpty()) {
                LocalDate fullNotice = day.today().plusDays(NOTICE_DAYS);
                LocalDate erasureOn = client.endsOn().isBefore(fullNotice) ? fullNotice : client.endsOn();
                messages.noticeOfErasure(client.clientId(), client.endsOn(), erasureOn, day.today());
            } else if (!client.endsOn().isAfter(day.today())
                    && !noticed.get().plusDays(NOTICE_DAYS).isAfter(day.today())) {
                due.add(client);
            }
        }
        return due;
    }
}
