package uk.alluris.kit.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.InvalidEmailAddress;
import uk.alluris.kit.identity.InvalidPhoneNumber;

/**
 * Removes third parties' personal data from free text (clinical notes, appointment notes) and structured values
 * before they go into a person's export (UK GDPR Art. 15(4): a copy must not adversely affect the rights of others).
 * Notes are free text, so this redacts what can be recognised reliably and says how much it took out:
 * <ol>
 * <li><b>names the clinician listed</b> in the entry's {@code thirdParties} (a companion, next of kin, a GP): each
 * occurrence, case-insensitive, as a whole word or phrase (any run of spaces between its words), becomes
 * {@link #NAME}. The list itself is never exported. Names nobody listed are not guessed at;</li>
 * <li><b>email addresses</b> whose blind index is not one of the subject's become {@link #EMAIL};</li>
 * <li><b>phone numbers</b> that libphonenumber finds (leniency VALID, numbers without a country code read in the
 * platform's default region) whose blind index is not one of the subject's become {@link #PHONE}.</li>
 * </ol>
 * The subject's own address and number stay, however they are spelt (any case; the number in any format
 * libphonenumber reads, with or without the country code), and so does the punctuation around them. Only strings are touched: in {@code fields}, every string value at any
 * depth; keys, numbers and booleans are left as they are.
 */
public final class ThirdPartyRedaction {

    public static final String NAME = "[redacted: another person's name]";
    public static final String EMAIL = "[redacted: another person's email address]";
    public static final String PHONE = "[redacted: another person's phone number]";

    /*
     * An address starts and ends on a letter or digit (its local part may also hold . _ % + ' - inside, each domain
     * label - inside): the quotes, dots and dashes of the sentence around an address are not part of it. Were they,
     * "'ada@example.com'" or "...ada@example.com" would hash as another address and the person's own be redacted.
     */
    private static final String LOCAL = "[\\p{L}0-9_%+](?:[\\p{L}0-9._%+'-]*[\\p{L}0-9_%+])?";
    private static final String LABEL = "[\\p{L}0-9](?:[\\p{L}0-9-]*[\\p{L}0-9])?";
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(LOCAL + "@" + LABEL + "(?:\\." + LABEL + ")+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern PROTECTED = Pattern.compile(Pattern.quote(NAME) + "|" + Pattern.quote(EMAIL) + "|"
            + Pattern.quote(PHONE) + "|" + EMAIL_ADDRESS.pattern());

    /** A redacted value and how many pieces of other people's data were taken out of it. */
    public record Redacted<T>(T value, int redactions) {
    }

    private final BlindIndexer indexer;
    private final String defaultRegion;
    private final Set<String> ownEmailIndexes;
    private final Set<String> ownPhoneIndexes;

    public ThirdPartyRedaction(BlindIndexer indexer, String defaultRegion, Collection<String> ownEmailIndexes,
            Collection<String> ownPhoneIndexes) {
        this.indexer = indexer;
        this.defaultRegion = defaultRegion;
        this.ownEmailIndexes = Set.copyOf(ownEmailIndexes);
        this.ownPhoneIndexes = Set.copyOf(ownPhoneIndexes);
    }

    /** Free text, with the names in {@code thirdParties} and other people's contact details redacted. */
    public Redacted<String> text(String text, List<String> thirdParties) {
        if (text == null || text.isEmpty()) {
            return new Redacted<>(text, 0);
        }
        int[] count = { 0 };
        String out = emails(text, count);
        out = outsideProtected(out, segment -> phones(segment, count));
        for (String name : longestFirst(thirdParties)) {
            Pattern pattern = namePattern(name);
            out = outsideProtected(out, segment -> replaceName(segment, pattern, count));
        }
        return new Redacted<>(out, count[0]);
    }

    /** A structured value (maps, lists, strings, numbers...), redacted string by string. */
    public Redacted<Object> value(Object value, List<String> thirdParties) {
        int[] count = { 0 };
        Object out = walk(value, thirdParties, count);
        return new Redacted<>(out, count[0]);
    }

    private Object walk(Object value, List<String> thirdParties, int[] count) {
        if (value instanceof String text) {
            Redacted<String> redacted = text(text, thirdParties);
            count[0] += redacted.redactions();
            return redacted.value();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((key, inner) -> out.put(key, walk(inner, thirdParties, count)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(inner -> out.add(walk(inner, thirdParties, count)));
            return out;
        }
        return value;
    }

    private String emails(String text, int[] count) {
        Matcher found = EMAIL_ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (found.find()) {
            String replacement = found.group();
            if (!isOwnEmail(found.group())) {
                replacement = EMAIL;
                count[0]++;
            }
            found.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        found.appendTail(out);
        return out.toString();
    }

    private String phones(String text, int[] count) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (PhoneNumberMatch match : PHONES.findNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID,
                Long.MAX_VALUE)) {
            out.append(text, from, match.start());
            if (isOwnPhone(PHONES.format(match.number(), PhoneNumberFormat.E164))) {
                out.append(match.rawString());
            } else {
                out.append(PHONE);
                count[0]++;
            }
            from = match.end();
        }
        out.append(text.substring(from));
        return out.toString();
    }

    /** Longest first, so that "Jane Doe" is taken out whole before a listed "Jane" could split it. */
    private static List<String> longestFirst(List<String> thirdParties) {
        return thirdParties.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct()
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
    }

    /**
     * Applies {@code redact} to the text between email addresses (the subject's own, kept) and earlier redactions, so
     * that digits or a name inside an address the subject owns are not mistaken for someone else's.
     */
    private static String outsideProtected(String text, UnaryOperator<String> redact) {
        Matcher kept = PROTECTED.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (kept.find()) {
            out.append(redact.apply(text.substring(from, kept.start()))).append(kept.group());
            from = kept.end();
        }
        return out.append(redact.apply(text.substring(from))).toString();
    }

    private static String replaceName(String segment, Pattern name, int[] count) {
        Matcher found = name.matcher(segment);
        StringBuilder out = new StringBuilder();
        while (found.find()) {
            found.appendReplacement(out, Matcher.quoteReplacement(NAME));
            count[0]++;
        }
        found.appendTail(out);
        return out.toString();
    }

    private static Pattern namePattern(String name) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = name.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private boolean isOwnEmail(String email) {
        try {
            return ownEmailIndexes.contains(indexer.email(email));
        } catch (InvalidEmailAddress notAnAddress) {
            return false;
        }
    }

    private boolean isOwnPhone(String e164) {
        try {
            return ownPhoneIndexes.contains(indexer.phone(e164));
        } catch (InvalidPhoneNumber notANumber) {
            return false;
        }
    }
}
