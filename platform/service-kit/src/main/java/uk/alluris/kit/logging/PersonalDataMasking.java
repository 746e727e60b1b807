package uk.alluris.kit.logging;

import java.util.regex.Pattern;

/**
 * The last line of defence for "no personal data in logs": email addresses and phone numbers that slip into a log
 * line (say, inside a library's exception message) are masked before the line is written. Code must still never log
 * names, addresses or health data: a pattern cannot recognise those.
 */
public final class PersonalDataMasking {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    // A leading + or 0 and 9 to 14 digits, optionally spaced: phone-shaped, but not the digits inside a UUID or id.
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])(?:\\+\\d{1,3}[ -]?|0)\\d(?:[ ()-]{0,2}\\d){7,12}(?![\\w-])");

    private PersonalDataMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("[email]");
        return PHONE.matcher(masked).replaceAll("[phone]");
    }
}
