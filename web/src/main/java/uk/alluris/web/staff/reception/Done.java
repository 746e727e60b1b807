package uk.alluris.web.staff.reception;

import java.util.Arrays;

/** What a change to a client's appointments came to, said on their page after the redirect (never echoed input). */
enum Done {
    BOOKED("booked", "Booked."),
    MOVED("moved", "Moved."),
    CANCELLED("cancelled", "Cancelled."),
    CANCELLED_LATE("cancelled-late", "Cancelled late, inside the clinic's cancellation window: the deposit is kept."),
    CORRECTED("corrected", "Details corrected."),
    PAYMENT_RECORDED("payment-recorded", "Payment status recorded.");

    private final String code;
    private final String message;

    Done(String code, String message) {
        this.code = code;
        this.message = message;
    }

    String code() {
        return code;
    }

    /** The message for a code in the page's address; none for anything else. */
    static String of(String code) {
        return Arrays.stream(values()).filter(done -> done.code.equals(code)).findFirst().map(done -> done.message)
                .orElse(null);
    }
}
