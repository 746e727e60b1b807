package uk.alluris.kit.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one place that decides when two ways of writing an address or a number are the same person's. */
public final class Normalisation {

    // Deliberately loose: one @, something either side, a dot in the domain. Deliverability is proved by a code.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Normalisation() {
    }

    /** Trimmed and lower-cased. */
    public static String email(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidEmailAddress();
        }
        return email;
    }

    /** E.164, reading a number without a country code in {@code defaultRegion}. */
    public static String phone(String raw, String defaultRegion) {
        try {
            PhoneNumber number = PHONES.parse(raw == null ? "" : raw, defaultRegion);
            if (!PHONES.isValidNumber(number)) {
                throw new InvalidPhoneNumber();
            }
            return PHONES.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumber();
        }
    }
}
