package uk.alluris.web.privacycentre;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The privacy centre as a visitor without an account gets it. The rights service "is down" (nothing listens on the
 * discard port), so any call web made to it would show the not-answering page: a page that says something else
 * proves nothing was sent.
 */
@SpringBootTest(properties = "alluris.web.services.rights=http://127.0.0.1:9")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class PrivacyCentreIntegrationTest {

    @Autowired
    MockMvc pages;

    private static MockHttpServletRequestBuilder filing(String email) {
        return post("/privacy/requests").cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v")
                .param("type", "ERASURE").param("email", email).param("fullName", "Ada Stone");
    }

    @Test
    void aVisitorWithNoCookieAtAllGetsTheFormWithItsCsrfTokenEachRightInPlainWordsAndTheIcoRoute() throws Exception {
        pages.perform(get("/privacy")).andExpect(status().isOk())
                .andExpect(header().string("Set-Cookie", containsString("XSRF-TOKEN=")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Delete my data")))
                .andExpect(content().string(containsString("We keep your data but stop using it")))
                .andExpect(content().string(containsString("ico.org.uk/make-a-complaint")))
                .andExpect(content().string(containsString("0303 123 1113")))
                .andExpect(content().string(containsString("/privacy/assets/htmx/htmx.min.js")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("style=\""))));
        pages.perform(get("/privacy/assets/htmx/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedWithAWayBackAndNothingIsSent() throws Exception {
        pages.perform(post("/privacy/requests").param("type", "ERASURE").param("email", "ada@example.com"))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/privacy/form-expired"));
        pages.perform(get("/privacy/form-expired")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This form has expired")))
                .andExpect(content().string(containsString("nothing was sent")))
                .andExpect(content().string(containsString("href=\"/privacy\"")));
        pages.perform(post("/privacy/requests").cookie(new Cookie("XSRF-TOKEN", "cookie-value"))
                        .param("_csrf", "forged-value").param("type", "ERASURE").param("email", "ada@example.com"))
                .andExpect(status().isForbidden());
        pages.perform(post("/privacy/requests/" + UUID.randomUUID() + "/code").param("code", "123456"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadEmailIsSaidOnTheFormNextToTheFieldKeepingWhatWasTypedAndNothingIsFiled() throws Exception {
        pages.perform(filing("ada.example.com")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("We could not send your request")))
                .andExpect(content().string(containsString("Enter your email address as name@example.com")))
                .andExpect(content().string(containsString("href=\"#email\"")))
                .andExpect(content().string(containsString("value=\"ada.example.com\"")))
                .andExpect(content().string(containsString("Nothing was sent.")))
                .andExpect(content().string(not(containsString("not answering"))));
        pages.perform(filing("ada@example.com").param("type", "SELL_MY_DATA")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose what you would like us to do.")));
    }

    @Test
    void whenTheRightsServiceIsDownTheVisitorIsToldNothingWasSentAndToTryAgain() throws Exception {
        pages.perform(filing("ada@example.com")).andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Our privacy request system is not answering")))
                .andExpect(content().string(containsString("Nothing was sent or changed")))
                .andExpect(content().string(not(containsString("Alluris staff"))));
    }

    @Test
    void howWeUseYourDataIsLinkedFromEveryPageAndWhenTheRightsServiceIsDownItSaysSoRatherThanAnOlderText()
            throws Exception {
        pages.perform(get("/privacy")).andExpect(content().string(containsString("href=\"/privacy/register\"")));
        pages.perform(get("/privacy/register")).andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("We cannot show how we use your data right now")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void aCodeThatIsNotSixDigitsIsSaidOnTheCodeFormWithoutAsking() throws Exception {
        pages.perform(post("/privacy/requests/" + UUID.randomUUID() + "/code").cookie(new Cookie("XSRF-TOKEN", "v"))
                        .param("_csrf", "v").param("code", "12a"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter the 6-digit code from the email we sent you.")));
    }

    @Test
    void aRequestOrDownloadOpenedWithoutThisBrowsersTokenSaysWhatToDoNextNeverAStaffSignIn() throws Exception {
        UUID id = UUID.randomUUID();
        pages.perform(get("/privacy/requests/" + id)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("We cannot show this request here")));
        pages.perform(get("/privacy/requests/" + id + "/bundle")).andExpect(status().isGone())
                .andExpect(content().string(containsString("This download no longer works")))
                .andExpect(content().string(containsString("Ask for a new copy of your data")));
    }
}
