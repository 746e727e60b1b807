package uk.alluris.booking.processor;

/** The processor could not be reached or refused a call; the caller keeps its own state and tries again later. */
public class ProcessorFailed extends RuntimeException {

    ProcessorFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
