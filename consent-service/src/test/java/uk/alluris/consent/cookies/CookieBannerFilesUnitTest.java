package uk.alluris.consent.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The banner the clinic's website loads stays small and self-contained. */
class CookieBannerFilesUnitTest {

    @Test
    void theBannerScriptAndItsStyleTogetherStayUnderTenKilobytesGzipped() throws IOException {
        int script = gzipped("static/consent/banner.js");
        int style = gzipped("static/consent/banner.css");

        assertThat(script + style).isPositive().isLessThan(10 * 1024);
    }

    @Test
    void theBannerScriptLoadsNothingButItsOwnStyleAndSendsOnlyToItsOwnOrigin() throws IOException {
        String script = text("static/consent/banner.js");

        assertThat(script).doesNotContain("import ").doesNotContain("require(").doesNotContain("http://")
                .doesNotContain("https://cdn").contains("base + '/consent/banner.css'")
                .contains("base + '/api/consents/visitors/'").contains("credentials: 'omit'");
    }

    private static int gzipped(String resource) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text(resource).getBytes(StandardCharsets.UTF_8));
        }
        return out.size();
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = CookieBannerFilesUnitTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
