package uk.alluris.rights.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import uk.alluris.kit.privacy.Corrections;

/** What callers of the rights-request API send, with the limits each field is held to (a 400 problem otherwise). */
final class RequestBodies {

    private RequestBodies() {
    }

    record FileRequest(@NotBlank @Pattern(
            regexp = "ERASURE|RESTRICTION|LIFT_RESTRICTION|OBJECTION_TO_MARKETING|ACCESS|PORTABILITY|RECTIFICATION",
            message = "must be one of ERASURE, RESTRICTION, LIFT_RESTRICTION, OBJECTION_TO_MARKETING, ACCESS, PORTABILITY,"
                    + " RECTIFICATION") String type,
            @NotBlank @Size(max = 320) String email, @Size(max = 40) String phone, @Size(max = 200) String fullName,
            @Size(max = 4000) String details, @Valid CorrectionsGiven corrections) {
    }

    /** What a RECTIFICATION corrects: at least one field; each is checked further (email, phone) when filed. */
    record CorrectionsGiven(@Size(min = 1, max = 200) String fullName, @Size(max = 320) String email,
            @Size(max = 40) String phone, @Past(message = "must be a date in the past") LocalDate dateOfBirth) {

        Corrections toCorrections() {
            return new Corrections(fullName, email, phone, dateOfBirth);
        }
    }

    record CodeGiven(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code) {
    }

    /**
     * @param checked which of the identifiers given the officer checked belong to the requester: EMAIL, PHONE or both;
     *        only these reach the services. Left out, the email address alone (what the request is filed under).
     */
    record IdentityVerified(@NotBlank @Size(max = 2000) String note, @Size(min = 1, max = 2,
            message = "must name EMAIL, PHONE or both") List<@NotNull @Pattern(regexp = "EMAIL|PHONE",
                    message = "must be EMAIL or PHONE") String> checked) {

        List<Identifier> identifiers() {
            return checked == null ? List.of(Identifier.EMAIL)
                    : checked.stream().distinct().map(Identifier::valueOf).toList();
        }
    }

    record ExtensionAsked(@NotNull @Min(1) @Max(2) Integer months, @NotBlank @Size(max = 2000) String reason) {
    }
}
