package uk.alluris.rights.request;

import io.swagger.v3.oas.annotations.media.Schema;
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

    record FileRequest(@Schema(description = "What the person asks for: ERASURE, RESTRICTION, LIFT_RESTRICTION,"
            + " OBJECTION_TO_MARKETING, ACCESS, PORTABILITY or RECTIFICATION", example = "ACCESS") @NotBlank @Pattern(
            regexp = "ERASURE|RESTRICTION|LIFT_RESTRICTION|OBJECTION_TO_MARKETING|ACCESS|PORTABILITY|RECTIFICATION",
            message = "must be one of ERASURE, RESTRICTION, LIFT_RESTRICTION, OBJECTION_TO_MARKETING, ACCESS, PORTABILITY,"
                    + " RECTIFICATION") String type,
            @Schema(description = "The requester's email address (at most 320 characters): the request is filed under"
                    + " it and the verification code is mailed to it", example = "jo.bloggs@example.org")
            @NotBlank @Size(max = 320) String email,
            @Schema(description = "Optional: a phone number the clinic may also know the requester by (at most 40"
                    + " characters); it names them to the services only once the privacy officer has checked it",
                    example = "+447700900123") @Size(max = 40) String phone,
            @Schema(description = "Optional: the requester's name (at most 200 characters), shown to the privacy officer"
                    + " to help check their identity; never used to find their data", example = "Jo Bloggs")
            @Size(max = 200) String fullName,
            @Schema(description = "Optional: anything else the requester wants the privacy office to know (at most 4000"
                    + " characters)",
                    example = "I had consultations in 2025 and 2026 and would like a copy of my notes.")
            @Size(max = 4000) String details, @Valid CorrectionsGiven corrections) {
    }

    /** What a RECTIFICATION corrects: at least one field; each is checked further (email, phone) when filed. */
    record CorrectionsGiven(
            @Schema(description = "The corrected full name (1 to 200 characters)", example = "Jo Bloggs-Smith")
            @Size(min = 1, max = 200) String fullName,
            @Schema(description = "The corrected email address (at most 320 characters; checked to be an address when"
                    + " filed)", example = "jo.bloggs-smith@example.org") @Size(max = 320) String email,
            @Schema(description = "The corrected phone number (at most 40 characters; checked to be a phone number when"
                    + " filed)", example = "+447700900456") @Size(max = 40) String phone,
            @Schema(description = "The corrected date of birth (ISO 8601 date, in the past)", example = "1988-04-17")
            @Past(message = "must be a date in the past") LocalDate dateOfBirth) {

        Corrections toCorrections() {
            return new Corrections(fullName, email, phone, dateOfBirth);
        }
    }

    record CodeGiven(@Schema(description = "The 6-digit code mailed to the address the request was filed under",
            example = "042917")
            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code) {
    }

    /**
     * @param checked which of the identifiers given the officer checked belong to the requester: EMAIL, PHONE or both;
     *        only these reach the services. Left out, the email address alone (what the request is filed under).
     */
    record IdentityVerified(@Schema(description = "How the officer checked the requester's identity, kept in the"
            + " request's evidence (at most 2000 characters)", example = "Passport seen at the clinic's front desk")
            @NotBlank @Size(max = 2000) String note,
            @Schema(description = "Which identifiers the officer checked belong to the requester: EMAIL, PHONE or both;"
                    + " only these reach the services. Left out, the email address alone",
                    example = "[\"EMAIL\", \"PHONE\"]") @Size(min = 1, max = 2,
            message = "must name EMAIL, PHONE or both") List<@NotNull @Pattern(regexp = "EMAIL|PHONE",
                    message = "must be EMAIL or PHONE") String> checked) {

        List<Identifier> identifiers() {
            return checked == null ? List.of(Identifier.EMAIL)
                    : checked.stream().distinct().map(Identifier::valueOf).toList();
        }
    }

    record ExtensionAsked(@Schema(description = "How many further months the request needs: 1 or 2", example = "2")
            @NotNull @Min(1) @Max(2) Integer months,
            @Schema(description = "Why the request needs longer, mailed to the requester and kept as evidence (at most"
                    + " 2000 characters)",
                    example = "The request covers eight years of records held by several services.")
            @NotBlank @Size(max = 2000) String reason) {
    }
}
