package uk.alluris.marketing.mail;

import java.util.regex.Pattern;

/**
 * The only words from a sign-up form that may reach the confirmation mail. Anyone can sign up any address, so the
 * mail goes to whoever the form names, with whatever the form said: a "name" such as "Win a prize at
 * https://evil.example" would turn the clinic's confirmation into someone else's message. Only a plain name — letters,
 * spaces, hyphens and apostrophes, short — is used, and only its first word; anything else is left out and the mail
 * just says "Hello".
 */
final class PlainFirstName {

    static final int MAX_NAME = 60;
    static final int MAX_FIRST_NAME = 24;
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{M}]+(?:[ '\u2019-][\\p{L}\\p{M}]+)*");

    private PlainFirstName() {
    }

    /** The first word of a plain name, or null when the name is missing or not plain. */
    public static String of(String fullName) {
        if (fullName == null) {
            return null;
        }
        String name = fullName.strip().replaceAll(" +", " ");
        if (name.isEmpty() || name.length() > MAX_NAME || !PLAIN.matcher(name).matches()) {
            return null;
        }
        String first = name.split(" ")[0];
        return first.length() > MAX_FIRST_NAME ? null : first;
    }
}
