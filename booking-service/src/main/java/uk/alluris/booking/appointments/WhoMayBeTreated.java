package uk.alluris.booking.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.alluris.booking.catalogue.Treatment;

/**
 * The law and the clinic's rules on who may be booked for a treatment, without Spring. In England it is an offence to
 * give botulinum toxin or a cosmetic filler to anyone under 18 and to book it (Botulinum Toxin and Cosmetic Fillers
 * (Children) Act 2021), so age is judged on the day of booking, from the date of birth on file; with none on file the
 * booking waits for one. Prescription-only treatments need a prescriber's consultation on record, at least the
 * cooling-off period before the first treatment; a treatment that asks for a consultation first needs one before it.
 */
final class WhoMayBeTreated {

    /** Why a booking is refused: the rule's name (stable, for callers) and what the person must know. */
    record Refusal(String rule, String detail) {
    }

    /** One of the client's appointments as the rules see it. */
    record Care(UUID treatmentId, Instant start, Instant end, Appointment.Status status, boolean consultation,
            boolean withPrescriber, boolean prescriptionOnly) {

        boolean stands() {
            return status == Appointment.Status.BOOKED || status == Appointment.Status.COMPLETED;
        }
    }

    private WhoMayBeTreated() {
    }

    static Optional<Refusal> refusal(LocalDate dateOfBirth, Treatment treatment, Instant start, LocalDate today,
            ZoneId zone, List<Care> history, Duration coolingOff) {
        if (treatment.minimumAge() > 0) {
            if (dateOfBirth == null) {
                return Optional.of(new Refusal("date-of-birth-needed", treatment.name() + " has a minimum age of "
                        + treatment.minimumAge() + ": record the client's date of birth before booking it"));
            }
            if (Period.between(dateOfBirth, today).getYears() < treatment.minimumAge()) {
                return Optional.of(new Refusal("minimum-age", treatment.name() + " may not be booked for anyone under "
                        + treatment.minimumAge() + (treatment.ageRestricted() ? " (Botulinum Toxin and Cosmetic "
                        + "Fillers (Children) Act 2021)" : "") + "; by the date of birth on file the client is younger"));
            }
        }
        boolean treatedBefore = history.stream().anyMatch(care -> care.status() == Appointment.Status.COMPLETED
                && (treatment.id().equals(care.treatmentId()) || treatment.prescriptionOnly() && care.prescriptionOnly()));
        if (treatedBefore) {
            return Optional.empty();
        }
        if (treatment.prescriptionOnly()) {
            List<Care> consultations = history.stream()
                    .filter(care -> care.stands() && care.consultation() && care.withPrescriber()
                            && !care.end().isAfter(start))
                    .toList();
            if (consultations.isEmpty()) {
                return Optional.of(new Refusal("prescriber-consultation", treatment.name() + " is prescription-only: "
                        + "book a consultation with a prescriber before the first treatment"));
            }
            Instant earliest = consultations.stream().map(Care::end).min(Instant::compareTo).orElseThrow()
                    .plus(coolingOff);
            if (earliest.isAfter(start)) {
                return Optional.of(new Refusal("cooling-off", "the first " + treatment.name() + " may start no sooner"
                        + " than " + coolingOff.toHours() + " hours after the prescriber's consultation, from "
                        + earliest.atZone(zone).toLocalDateTime() + " clinic time"));
            }
        } else if (treatment.consultationFirst() && history.stream()
                .noneMatch(care -> care.stands() && care.consultation() && !care.end().isAfter(start))) {
            return Optional.of(new Refusal("consultation-first", treatment.name() + " needs a consultation before "
                    + "the first treatment: book one first"));
        }
        return Optional.empty();
    }
}
