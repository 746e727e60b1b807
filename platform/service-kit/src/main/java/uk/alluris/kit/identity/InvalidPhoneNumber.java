package uk.alluris.kit.identity;

/** A phone number that cannot be read as a real number; answered with 400. The number itself is never echoed. */
public class InvalidPhoneNumber extends IllegalArgumentException {

    public InvalidPhoneNumber() {
        super("not a valid phone number");
    }
}
