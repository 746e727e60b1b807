package uk.alluris.web.privacycentre;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a visitor types on the start page. {@link #problems()} names each field that cannot be sent, in words for the
 * visitor, before anything is filed; the rights service checks again (and its refusal is shown the same way).
 */
record FilingForm(String type, String email, String fullName, String phone, String details, String correctedName,
        String correctedEmail, String correctedPhone, String correctedDateOfBirth) {

    // one @, something before it, a dot in the domain, no spaces: what a person mistypes, not RFC 5322 in full
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");

    FilingForm {
        type = trimmed(type);
        email = trimmed(email);
        fullName = trimmed(fullName);
        phone = trimmed(phone);
        details = trimmed(details);
        correctedName = trimmed(correctedName);
        correctedEmail = trimmed(correctedEmail);
        correctedPhone = trimmed(correctedPhone);
        correctedDateOfBirth = trimmed(correctedDateOfBirth);
    }

    static FilingForm empty() {
        return new FilingForm(null, null, null, null, null, null, null, null, null);
    }

    /** Field name → what is wrong with it, in the order of the form; empty when the form can be sent. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (RightChoice.of(type).isEmpty()) {
            problems.put("type", "Choose what you would like us to do.");
        }
        if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
            problems.put("email", "Enter your email address as name@example.com: we send the code to it.");
        }
        if (fullName != null && fullName.length() > 200) {
            problems.put("fullName", "Your name can be at most 200 characters.");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.put("phone", "Enter a phone number with digits only, like 07700 900123, or leave it empty.");
        }
        if (details != null && details.length() > 4000) {
            problems.put("details", "Tell us at most 4,000 characters here.");
        }
        if (RightChoice.RECTIFICATION.name().equals(type)) {
            rectificationProblems(problems);
        }
        return problems;
    }

    private void rectificationProblems(Map<String, String> problems) {
        if (correctedName == null && correctedEmail == null && correctedPhone == null && correctedDateOfBirth == null) {
            problems.put("correctedName", "Tell us at least one detail as it should be.");
        }
        if (correctedName != null && correctedName.length() > 200) {
            problems.put("correctedName", "The corrected name can be at most 200 characters.");
        }
        if (correctedEmail != null && (correctedEmail.length() > 320 || !EMAIL.matcher(correctedEmail).matches())) {
            problems.put("correctedEmail", "Enter the corrected email address as name@example.com.");
        }
        if (correctedPhone != null && !PHONE.matcher(correctedPhone).matches()) {
            problems.put("correctedPhone", "Enter the corrected phone number with digits only, like 07700 900123.");
        }
        if (correctedDateOfBirth != null && dateOfBirth() == null) {
            problems.put("correctedDateOfBirth", "Enter your date of birth as a date in the past.");
        }
    }

    /** What the rights service is sent: {@code POST /api/privacy/requests}. */
    Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("email", email);
        putIfGiven(body, "fullName", fullName);
        putIfGiven(body, "phone", phone);
        putIfGiven(body, "details", details);
        if (RightChoice.RECTIFICATION.name().equals(type)) {
            Map<String, Object> corrections = new LinkedHashMap<>();
            putIfGiven(corrections, "fullName", correctedName);
            putIfGiven(corrections, "email", correctedEmail);
            putIfGiven(corrections, "phone", correctedPhone);
            putIfGiven(corrections, "dateOfBirth", correctedDateOfBirth);
            body.put("corrections", corrections);
        }
        return body;
    }

    private LocalDate dateOfBirth() {
        try {
            LocalDate date = LocalDate.parse(correctedDateOfBirth);
            return date.isBefore(LocalDate.now()) ? date : null;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static void putIfGiven(Map<String, Object> body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
