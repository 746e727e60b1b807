package uk.alluris.gateway.frontdoor;

/** Any failed sign-in: wrong password, unknown account, locked account, wrong or expired code. One answer for all. */
public class SignInRefused extends RuntimeException {

    public SignInRefused() {
        super("sign-in refused: the credentials are wrong or too many attempts were made; try again later");
    }
}
