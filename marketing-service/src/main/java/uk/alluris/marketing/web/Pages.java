package uk.alluris.marketing.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The few small pages a person's browser sees (confirmed, unsubscribe); errors stay problem-details answers. */
public final class Pages {

    private Pages() {
    }

    /** A page with a title, a paragraph and, optionally, extra markup already escaped by the caller. */
    public static ResponseEntity<String> html(String title, String text, String trustedMarkup) {
        String page = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%1$s</title></head>
                <body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">
                <h1>%1$s</h1><p>%2$s</p>%3$s<p>Dr Alluris Aesthetics</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(text), trustedMarkup == null ? "" : trustedMarkup);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; form-action 'self'; style-src 'unsafe-inline'")
                .body(page);
    }
}
