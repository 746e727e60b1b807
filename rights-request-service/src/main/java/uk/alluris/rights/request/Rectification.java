package uk.alluris.rights.request;

import java.util.List;

/**
 * A rectification's corrections as the request carries them: the names of the corrected fields (never their values),
 * the corrections sealed at rest with the contact seal from filing until they fan out, then sealed for transport (the
 * kit's TransportSeal) for as long as a service may have to be asked again. Both sealed forms go when the request
 * completes; the field names stay, for the request's record.
 */
record Rectification(List<String> fields, String sealedCorrections, String transportCorrections) {

    Rectification {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    static Rectification filed(String sealedAtRest, List<String> fields) {
        return new Rectification(fields, sealedAtRest, null);
    }

    /** Fanning out: the transport-sealed copy replaces the one sealed at rest. */
    Rectification sealedForTransport(String transportSealed) {
        return new Rectification(fields, null, transportSealed);
    }

    /** Every service answered: nothing sealed is needed any more. */
    Rectification completed() {
        return new Rectification(fields, null, null);
    }
}
