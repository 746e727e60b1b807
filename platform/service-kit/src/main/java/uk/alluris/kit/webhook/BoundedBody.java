package uk.alluris.kit.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * The raw body of an unauthenticated request (a webhook), read through a bounded stream before anything else looks at
 * it. A webhook is let in by its signature over the body, so the body must be read before it can be trusted: reading
 * it whole first ({@code @RequestBody byte[]}) would let anyone make the service hold any amount. Here a declared
 * {@code Content-Length} over the limit is refused at once, and a body without one (chunked) is refused as soon as the
 * limit is passed, without waiting for the rest of it.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The body, at most {@code limit} bytes.
     *
     * @throws ProblemException 413 when the body is (or is declared) longer than {@code limit}, 400 when it cannot be
     *     read
     */
    public static byte[] read(HttpServletRequest request, int limit) {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try {
            InputStream in = request.getInputStream();
            // one byte more than allowed is all it takes to know the body is too long
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "the request body could not be read");
        }
    }

    private static ProblemException tooLarge(int limit) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
                "the request body must not be longer than " + limit + " bytes");
    }
}
