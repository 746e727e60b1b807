package uk.alluris.booking.catalogue;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A realistic catalogue for the embedded default ({@code ./run}, tests), so the portal and the staff dashboard have
 * something to book. Only the local profile seeds; production starts empty and ADMIN builds its catalogue through the
 * API. Fixed ids, so a restart finds what it seeded and adds nothing twice.
 */
@Component
@Profile("local")
class LocalCatalogue implements ApplicationRunner {

    private static final String AFTERCARE_TOXIN = "Stay upright for 4 hours, do not rub or massage the area, avoid "
            + "exercise, saunas and alcohol for 24 hours. Results show in 3 to 14 days; call us if anything worries you.";
    private static final String AFTERCARE_FILLER = "Expect swelling and tenderness for a few days. Avoid make-up for "
            + "12 hours, exercise, heat and alcohol for 24 hours and dental work for 2 weeks. Call us at once if the "
            + "skin blanches or turns dusky.";
    private static final String AFTERCARE_PEEL = "Use a gentle cleanser and SPF 50 daily, do not pick peeling skin, "
            + "avoid retinoids and exfoliants for a week.";

    private final Treatments treatments;
    private final Practitioners practitioners;

    LocalCatalogue(Treatments treatments, Practitioners practitioners) {
        this.treatments = treatments;
        this.practitioners = practitioners;
    }

    @Override
    public void run(ApplicationArguments args) {
        Stream.of(
                new Treatment(id("treatment:consultation"), "Consultation with a prescriber", 30, 5000, 0, 18, false,
                        false, true, true, PractitionerRole.PRESCRIBER, "", true),
                new Treatment(id("treatment:anti-wrinkle"), "Anti-wrinkle injections (botulinum toxin)", 30, 25000,
                        5000, 18, true, true, true, false, null, AFTERCARE_TOXIN, true),
                new Treatment(id("treatment:dermal-filler"), "Dermal filler", 45, 32000, 7500, 18, false, true, true,
                        false, null, AFTERCARE_FILLER, true),
                new Treatment(id("treatment:chemical-peel"), "Chemical peel", 45, 12000, 0, 16, false, false, true,
                        false, null, AFTERCARE_PEEL, true))
                .filter(treatment -> !treatments.existsById(treatment.id())).forEach(treatments::save);
        Stream.of(
                new Practitioner(id("practitioner:alluris"), "Dr Helen Alluris",
                        Set.of(PractitionerRole.PRESCRIBER, PractitionerRole.AESTHETIC_PRACTITIONER),
                        days(LocalTime.of(9, 0), LocalTime.of(17, 0), MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
                        true),
                new Practitioner(id("practitioner:okafor"), "Nurse Grace Okafor",
                        Set.of(PractitionerRole.AESTHETIC_PRACTITIONER),
                        days(LocalTime.of(10, 0), LocalTime.of(18, 0), TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY),
                        true),
                new Practitioner(id("practitioner:reyes"), "Mia Reyes", Set.of(PractitionerRole.SKIN_THERAPIST),
                        days(LocalTime.of(9, 30), LocalTime.of(16, 30), MONDAY, WEDNESDAY, FRIDAY, SATURDAY), true))
                .filter(practitioner -> !practitioners.existsById(practitioner.id())).forEach(practitioners::save);
    }

    private static List<Practitioner.WorkingHours> days(LocalTime start, LocalTime end, DayOfWeek... days) {
        return Stream.of(days).map(day -> new Practitioner.WorkingHours(day, start, end)).toList();
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("alluris-local-catalogue:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
