package uk.alluris.kit.identity;

/** An email address that is blank or malformed; answered with 400. The address itself is never echoed. */
public class InvalidEmailAddress extends IllegalArgumentException {

    public InvalidEmailAddress() {
        super("not a valid email address");
    }
}
