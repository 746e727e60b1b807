package uk.alluris.kit.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rectification request corrects, in plaintext, as the service receives it after opening the sealed form
 * ({@link TransportSeal}). A {@code null} field is left as it is.
 */
public record Corrections(String fullName, String email, String phone, LocalDate dateOfBirth) {

    /** The names of the fields being corrected, as {@code RectificationRequested.fields} carries them. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        if (fullName != null) {
            fields.add("fullName");
        }
        if (email != null) {
            fields.add("email");
        }
        if (phone != null) {
            fields.add("phone");
        }
        if (dateOfBirth != null) {
            fields.add("dateOfBirth");
        }
        return fields;
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }
}
