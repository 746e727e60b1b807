package uk.alluris.kit.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.util.StringValueResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Refusals of a mailed link, negotiated on {@code Accept}: a person's browser (asking for {@code text/html} before
 * JSON) gets a page saying what happened and the next step one click away; anyone else gets the same problem details
 * as before. Only controllers marked {@link MailedLinks} are affected, and of them only {@link MailedLink} methods.
 */
@RestControllerAdvice(annotations = MailedLinks.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MailedLinkPages implements EmbeddedValueResolverAware {

    private StringValueResolver placeholders = value -> value;

    /** Next steps may name a setting, e.g. {@code ${alluris.mail-links.privacy-centre:/privacy}}. */
    @Override
    public void setEmbeddedValueResolver(StringValueResolver resolver) {
        this.placeholders = resolver;
    }

    @ExceptionHandler({ ErrorResponseException.class, MissingServletRequestParameterException.class,
            TypeMismatchException.class })
    ResponseEntity<?> refused(Exception refusal, HandlerMethod handler, HttpServletRequest request) {
        // exception handlers take no @RequestHeader: the Accept header is read from the request itself
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        ProblemDetail problem = refusal instanceof ErrorResponse response ? response.getBody()
                : ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                        ((TypeMismatchException) refusal).getPropertyName() + " is not valid");
        MailedLink link = handler.getMethodAnnotation(MailedLink.class);
        if (link == null || !wantsPage(accept)) {
            HttpHeaders headers = refusal instanceof ErrorResponse response ? response.getHeaders() : HttpHeaders.EMPTY;
            return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
        }
        String said = refusal instanceof MissingServletRequestParameterException missing
                ? "the link is incomplete: part of it (" + missing.getParameterName() + ") is missing"
                : problem.getDetail();
        return page(problem.getStatus(), said, link.nextStepLabel(), placeholders.resolveStringValue(link.nextStep()));
    }

    /** The page: what happened, in the problem's own words, and the next step as the one obvious button. */
    static ResponseEntity<String> page(int status, String what, String nextStepLabel, String nextStep) {
        String detail = what == null ? "" : what;
        String said = detail.isEmpty() ? "This link cannot be used."
                : Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + (detail.endsWith(".") ? "" : ".");
        String body = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>This link did not work — Dr Alluris Aesthetics</title><style>
                body{margin:0;background:#f6f1ea;color:#2b2a29;font:1.05rem/1.6 Georgia,'Times New Roman',serif}
                main{max-width:34rem;margin:3rem auto;padding:2rem;background:#fffdf9;border:1px solid #c9b8a6;
                border-radius:.75rem}
                h1{color:#6b4f3a;font-size:1.5rem;margin-top:0}
                a.next{display:inline-block;padding:.6rem 1.2rem;background:#6b4f3a;color:#fff;border-radius:.5rem;
                font-weight:bold;text-decoration:none}a.next:focus{outline:3px solid #1f6feb;outline-offset:2px}
                .small{font-size:.9rem;color:#55504b}</style></head>
                <body><main><h1>This link did not work</h1><p id="what-happened">%s</p>
                <h2>What you can do now</h2><p><a class="next" id="next-step" href="%s">%s</a></p>
                <p class="small">Links we send by email work only for a while and only once where they change something.
                If you need help, reply to our email or call the clinic.</p>
                <p class="small">Dr Alluris Aesthetics</p></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(said), HtmlUtils.htmlEscape(nextStep),
                HtmlUtils.htmlEscape(nextStepLabel));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(body);
    }

    /** A browser names text/html before any JSON type; an API caller names JSON, or nothing in particular. */
    static boolean wantsPage(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            double html = 0;
            double json = 0;
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)) {
                    html = Math.max(html, type.getQualityValue());
                } else if (type.getSubtype().endsWith("json")) {
                    json = Math.max(json, type.getQualityValue());
                }
            }
            return html > 0 && html > json;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
