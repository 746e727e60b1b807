package uk.alluris.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A refused mailed link: a page for a browser, the problem for an API caller; the page escapes what it shows. */
class MailedLinkPagesUnitTest {

    @Test
    void aBrowserGetsAPageAndAnApiCallerOrAnUnnamedCallerGetsTheProblem() {
        assertThat(MailedLinkPages.wantsPage("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
        assertThat(MailedLinkPages.wantsPage("application/json")).isFalse();
        assertThat(MailedLinkPages.wantsPage("application/problem+json, text/html;q=0.5")).isFalse();
        assertThat(MailedLinkPages.wantsPage("*/*")).isFalse();
        assertThat(MailedLinkPages.wantsPage(null)).isFalse();
        assertThat(MailedLinkPages.wantsPage("not a media type")).isFalse();
    }

    @Test
    void thePageKeepsTheStatusSaysWhatHappenedAndOffersTheNextStepEscaped() {
        ResponseEntity<String> page = MailedLinkPages.page(410, "this link has expired <b>", "Ask again", "/privacy?x=\"1\"");

        assertThat(page.getStatusCode().value()).isEqualTo(410);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(page.getBody()).contains("This link has expired &lt;b&gt;.")
                .contains("href=\"/privacy?x=&quot;1&quot;\"").contains(">Ask again</a>").doesNotContain("<b>");
    }
}
