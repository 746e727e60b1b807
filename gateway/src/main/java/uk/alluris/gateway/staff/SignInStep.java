package uk.alluris.gateway.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.alluris.gateway.tokens.IssuedToken;

/**
 * What a right password leads to: the token itself, or (for an account with a second factor) a short-lived,
 * single-use token that grants nothing but the right to give the code; {@code enrolmentRequired} when the account's
 * role needs a second factor it has not set up yet.
 */
record SignInStep(IssuedToken token, SecondFactorRequired secondFactor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SecondFactorRequired(boolean mfaRequired, String mfaToken, boolean enrolmentRequired, long expiresIn) {
    }

    static SignInStep signedIn(IssuedToken token) {
        return new SignInStep(token, null);
    }

    static SignInStep needsSecondFactor(String mfaToken, boolean enrolmentRequired, long expiresIn) {
        return new SignInStep(null, new SecondFactorRequired(true, mfaToken, enrolmentRequired, expiresIn));
    }
}
