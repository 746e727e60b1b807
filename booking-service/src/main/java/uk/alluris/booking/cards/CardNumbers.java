package uk.alluris.booking.cards;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * The clinic never stores card numbers (the payment processor holds them). Any text that contains a run of 13 to 19
 * digits, possibly grouped by spaces or dashes, that passes the Luhn check is refused before anything is written.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");

    private CardNumbers() {
    }

    public static boolean containsCardNumber(String text) {
        if (text == null) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            if (luhn(run.group().replaceAll("[ -]", ""))) {
                return true;
            }
        }
        return false;
    }

    /** Refuses the request with a 400 problem naming the field when {@code value} holds a card number. */
    public static void refuse(String field, String value) {
        if (containsCardNumber(value)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Card number refused",
                    field + " looks like a payment card number; card numbers are never stored here");
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
