package uk.alluris.rights.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.ServiceAnswer;

/**
 * The privacy officer's daily digest: the open requests due within seven days, those overdue, and the services whose
 * receipt is missing past its expected time (asked more than {@code answerWithin} ago). Requests are named by
 * reference, type and dates only: no requester's details in a mailbox.
 */
record DigestLetter(String subject, String text, List<PrivacyRequest> dueSoon, List<PrivacyRequest> overdue,
        List<String> lateServices) {

    static final int DUE_WITHIN_DAYS = 7;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.UK);

    /** @param open the requests in progress (a request has a due date once it is verified) */
    static DigestLetter of(LocalDate today, Instant now, List<PrivacyRequest> open, Duration answerWithin) {
        List<PrivacyRequest> dated = open.stream().filter(request -> request.dueDate() != null)
                .sorted(Comparator.comparing(PrivacyRequest::dueDate)).toList();
        List<PrivacyRequest> overdue = dated.stream().filter(request -> request.dueDate().isBefore(today)).toList();
        List<PrivacyRequest> dueSoon = dated.stream().filter(request -> !request.dueDate().isBefore(today)
                && !request.dueDate().isAfter(today.plusDays(DUE_WITHIN_DAYS))).toList();
        StringBuilder late = new StringBuilder();
        List<String> lateServices = open.stream().flatMap(request -> request.answers().entrySet().stream()
                .filter(answer -> lateAt(answer.getValue(), request, now, answerWithin))
                .map(answer -> {
                    late.append("  - ").append(answer.getKey()).append(" on ").append(request.id()).append(" (")
                            .append(kind(request)).append("): asked ")
                            .append(answer.getValue().timesAsked()).append(" time(s) since ")
                            .append(DAY.format(request.verifiedAt().atZone(LONDON)))
                            .append(", no receipt\n");
                    return answer.getKey();
                })).toList();
        StringBuilder text = new StringBuilder("Privacy requests on ").append(DAY.format(today)).append("\n\n");
        section(text, "Overdue (" + overdue.size() + ")", overdue, today);
        section(text, "Due within " + DUE_WITHIN_DAYS + " days (" + dueSoon.size() + ")", dueSoon, today);
        text.append("Late services (").append(lateServices.size()).append("): a receipt missing more than ")
                .append(answerWithin.toHours()).append(" hours after the service was asked\n")
                .append(late.isEmpty() ? "  none\n" : late)
                .append("\nEvery request, its evidence and its services are on the staff dashboard's privacy requests"
                        + " page.\n");
        String subject = "Privacy requests: " + overdue.size() + " overdue, " + dueSoon.size() + " due within "
                + DUE_WITHIN_DAYS + " days, " + lateServices.size() + " late service(s)";
        return new DigestLetter(subject, text.toString(), dueSoon, overdue, lateServices);
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    private static boolean lateAt(ServiceAnswer answer, PrivacyRequest request, Instant now, Duration answerWithin) {
        return !answer.answered() && request.verifiedAt() != null
                && request.verifiedAt().plus(answerWithin).isBefore(now);
    }

    private static void section(StringBuilder text, String title, List<PrivacyRequest> requests, LocalDate today) {
        text.append(title).append("\n");
        if (requests.isEmpty()) {
            text.append("  none\n");
        }
        for (PrivacyRequest request : requests) {
            long days = ChronoUnit.DAYS.between(today, request.dueDate());
            Map<String, ServiceAnswer> answers = request.answers();
            long waiting = answers.values().stream().filter(answer -> !answer.answered()).count();
            text.append("  - ").append(request.id()).append(" (").append(kind(request)).append("): due ")
                    .append(DAY.format(request.dueDate())).append(days < 0 ? ", " + -days + " day(s) overdue"
                            : days == 0 ? ", today" : ", in " + days + " day(s)")
                    .append("; ").append(waiting).append(" of ").append(answers.size())
                    .append(" services still to answer\n");
        }
        text.append("\n");
    }

    private static String kind(PrivacyRequest request) {
        return request.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
