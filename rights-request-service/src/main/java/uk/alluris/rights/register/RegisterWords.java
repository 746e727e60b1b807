package uk.alluris.rights.register;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import uk.alluris.kit.register.ProcessingRegister.LegalBasis;
import uk.alluris.kit.register.ProcessingRegister.RecipientRole;
import uk.alluris.kit.register.ProcessingRegister.RetentionStart;

/** The register's coded values in the words a client reads; the codes stay beside them for machines. */
final class RegisterWords {

    private RegisterWords() {
    }

    static String basis(LegalBasis basis) {
        return switch (basis) {
            case CONTRACT -> "Contract: to provide the services you ask for";
            case LEGAL_OBLIGATION -> "Legal obligation: the law requires us to process or keep it";
            case LEGITIMATE_INTERESTS -> "Legitimate interests: to run our clinic, balanced against your rights";
            case CONSENT -> "Consent: only because you agreed, and you can withdraw it at any time";
            case VITAL_INTERESTS -> "Vital interests: to protect someone's life";
            case PUBLIC_TASK -> "Public task: a task in the public interest";
        };
    }

    static String role(RecipientRole role) {
        return switch (role) {
            case PROCESSOR -> "Processor: acts only on our instructions";
            case INDEPENDENT_CONTROLLER -> "Independent controller: decides for itself under its own obligations";
            case AUTHORITY -> "Authority: only where the law requires it or to protect legal rights";
        };
    }

    /** {@code P6Y}, {@code END_OF_FINANCIAL_YEAR} → "6 years after the end of the financial year it belongs to". */
    static String retention(Period period, RetentionStart start) {
        return length(period) + " " + switch (start) {
            case CREATION -> "after it was recorded";
            case LAST_ACTIVITY -> "after your last appointment or other activity with us";
            case LAST_ENTRY -> "after the last entry in your record";
            case END_OF_FINANCIAL_YEAR -> "after the end of the financial year it belongs to";
            case WITHDRAWAL -> "after you withdraw the consent (kept while it stands)";
            case COMPLETION -> "after the request is completed";
        };
    }

    static String length(Period period) {
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), "year");
        add(parts, period.getMonths(), "month");
        add(parts, period.getDays(), "day");
        return parts.isEmpty() ? "0 days" : String.join(" and ", parts);
    }

    private static void add(List<String> parts, int amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
