package uk.alluris.booking.messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.alluris.booking.clients.ClientContacts;

/**
 * What each message says. Service messages only: nothing promotional, ever — no offers, no other treatments — so they
 * need no marketing consent and go to people who objected to marketing. A text message does not name the treatment
 * (it shows on a locked phone); aftercare instructions are the exception, since they are the message.
 */
final class MessageTexts {

    /** A message's words: a subject and body for mail, a body for SMS. */
    record Text(String subject, String body) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String SIGNATURE = "\n\nDr Alluris Aesthetics";

    private final ZoneId zone;

    MessageTexts(ZoneId zone) {
        this.zone = zone;
    }

    Text write(ScheduledMessage message, MessagePlan plan, ClientContacts.Contact to) {
        boolean sms = message.channel() == ScheduledMessage.Channel.SMS;
        String when = plan == null ? "your appointment" : when(plan.start);
        String treatment = plan == null ? "appointment" : plan.treatmentName;
        return switch (message.kind()) {
            case REMINDER -> sms
                    ? new Text(null, "Dr Alluris Aesthetics: a reminder of your appointment on " + when
                            + ". To move or cancel it, use the portal or call the clinic.")
                    : new Text("Reminder: your " + treatment + " appointment on " + when, "Dear " + to.fullName()
                            + ",\n\nThis is a reminder of your " + treatment + " appointment on " + when
                            + " (UK time).\n\nTo move or cancel it, sign in to the portal or call the clinic. A "
                            + "cancellation less than 48 hours before the appointment keeps the deposit." + SIGNATURE);
            case AFTERCARE -> sms
                    ? new Text(null, "Dr Alluris Aesthetics aftercare: " + plan.aftercare)
                    : new Text("Aftercare after your " + treatment, "Dear " + to.fullName() + ",\n\nHow to look after "
                            + "yourself after your " + treatment + ":\n\n" + plan.aftercare + "\n\nIf anything worries "
                            + "you, call the clinic." + SIGNATURE);
            case DEPOSIT_RECEIPT -> new Text("Receipt: deposit paid", "Dear " + to.fullName() + ",\n\nWe received "
                    + "your deposit of " + pounds(message.amountPence()) + " for " + when + ".\nAppointment reference: "
                    + message.appointmentId() + "\n\nThe deposit is refunded if you cancel at least 48 hours before "
                    + "the appointment, and kept for a later cancellation or a missed appointment." + SIGNATURE);
            case REFUND_RECEIPT -> new Text("Receipt: deposit refunded", "Dear " + to.fullName() + ",\n\nWe have "
                    + "refunded your deposit of " + pounds(message.amountPence()) + " to the card you paid with; it "
                    + "usually shows within 5 to 10 working days.\nAppointment reference: " + message.appointmentId()
                    + SIGNATURE);
            case RETENTION_NOTICE -> new Text("Your details will be erased on " + DAY.format(message.erasureOn),
                    "Dear " + to.fullName() + ",\n\nWe have not seen you at the clinic for some time. As our privacy "
                    + "policy says, we keep a client's contact details only for a set time after their last "
                    + "appointment, so we will erase yours on " + DAY.format(message.erasureOn) + ". Our financial records of any "
                    + "payments are kept as the law requires, and your clinical records for their own period.\n\n"
                    + "If you would like us to keep your details, book an appointment through the portal or call the "
                    + "clinic before that day." + SIGNATURE);
        };
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    static String pounds(long pence) {
        return "£" + BigDecimal.valueOf(pence, 2).toPlainString();
    }
}
