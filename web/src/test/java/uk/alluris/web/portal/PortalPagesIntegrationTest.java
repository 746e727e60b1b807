package uk.alluris.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The client portal as a browser gets it: only a client's token opens it (staff get the portal's own "not for this
 * account" page, a client gets no staff page), no token sends to the portal's sign-in, a form post needs the
 * double-submit token, a consent is recorded with its evidence, a silent service is named, the policy is the clinic's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class PortalPagesIntegrationTest {

    @Autowired
    MockMvc pages;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("alluris.web.services.booking", PortalStandIns::url);
        registry.add("alluris.web.services.consent", PortalStandIns::url);
        registry.add("alluris.web.services.marketing", PortalStandIns::url);
        // nothing listens on the discard port: the rights-request service "is down"
        registry.add("alluris.web.services.rights", () -> "http://127.0.0.1:9");
    }

    private static String client() {
        return "Bearer " + TestTokens.get().client("cara-index");
    }

    @Test
    void withoutATokenThePortalSendsToItsOwnSignInWhichIsOpenAndScriptFree() throws Exception {
        pages.perform(get("/portal/consents")).andExpect(status().isFound()).andExpect(redirectedUrl("/portal/sign-in"));
        pages.perform(get("/portal/requests/x/progress").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/portal/sign-in"));
        pages.perform(get("/portal/sign-in")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/portal/assets/sign-in.js")))
                .andExpect(content().string(containsString("<label for=\"email\">")))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void aStaffTokenIsRefusedOnThePortalWithTheFriendlyPageAndAClientTokenOpensNoStaffPage() throws Exception {
        pages.perform(get("/portal").header("Authorization", "Bearer " + TestTokens.get().staff("RECEPTION")))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/portal/forbidden"));
        pages.perform(get("/portal/forbidden")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This page is not for this account")));
        pages.perform(get("/staff").header("Authorization", client())).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/staff/forbidden"));
        pages.perform(get("/portal").header("Authorization", client())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hello, Cara Client")));
    }

    @Test
    void aConsentFormPostWithoutTheDoubleSubmitTokenIsRefusedAndOneWithItIsRecordedWithEvidence() throws Exception {
        pages.perform(post("/portal/consents").header("Authorization", client())
                        .cookie(new Cookie("XSRF-TOKEN", "cookie-value"))
                        .param("purpose", "marketing.email").param("granted", "true"))
                .andExpect(status().isForbidden());
        assertThat(PortalStandIns.DECISIONS).isEmpty();

        pages.perform(post("/portal/consents").header("Authorization", client())
                        .header("User-Agent", "TestBrowser/1.0").header("X-Forwarded-For", "203.0.113.7")
                        .cookie(new Cookie("XSRF-TOKEN", "cookie-value")).param("_csrf", "cookie-value")
                        .param("purpose", "marketing.email").param("granted", "true"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/consents?done=given"));

        assertThat(PortalStandIns.DECISIONS).singleElement().satisfies(decision -> assertThat(decision)
                .contains("\"email\":\"cara@example.com\"", "\"purpose\":\"marketing.email\"", "\"granted\":true",
                        "\"policyVersion\":\"2026-01\"", "\"channel\":\"WEB\"", "\"formId\":\"portal-consents\"",
                        "Yes: Emails about our offers and news", "\"ipAddress\":\"203.0.113.7\"", "TestBrowser/1.0"));
    }

    @Test
    void theConsentsPageShowsEachPurposesStateAndItsHistory() throws Exception {
        pages.perform(get("/portal/consents").header("Authorization", client())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Yes, since 01/06/2026")))
                .andExpect(content().string(containsString("Not asked: no")))
                .andExpect(content().string(containsString("<span>Withdraw</span>")))
                .andExpect(content().string(containsString("\"visually-hidden\">: Text messages about our offers and news")))
                .andExpect(content().string(containsString("In clinic")));
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedOnAClearPage() throws Exception {
        pages.perform(get("/portal/requests").header("Authorization", client()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("That part of our system is not answering")))
                .andExpect(content().string(containsString("privacy requests")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void howWeUseYourDataComesFromTheRightsServiceOnlyAndABundleNeedsTheBrowserThatAskedForIt() throws Exception {
        // the register is read from the rights service (down here), never replaced by a text of the page's own;
        // ClientPortalSystemTest shows it rendered, entry for entry the same as the endpoint and the bundle
        pages.perform(get("/portal/policy").header("Authorization", client())).andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("privacy requests")))
                .andExpect(content().string(not(containsString("Exception"))));
        pages.perform(get("/portal/requests/" + PortalStandIns.CLIENT_ID + "/bundle").header("Authorization", client()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("the link in the email we sent you")));
    }

    @Test
    void marketingShowsTheListsAndChannelsAndLeavingEverythingAsksMarketing() throws Exception {
        pages.perform(get("/portal/marketing").header("Authorization", client())).andExpect(status().isOk())
                .andExpect(content().string(containsString("newsletter")))
                .andExpect(content().string(containsString("Leave everything")));

        pages.perform(post("/portal/marketing/leave").header("Authorization", client())
                        .cookie(new Cookie("XSRF-TOKEN", "cookie-value")).param("_csrf", "cookie-value"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/marketing?done=left"));

        assertThat(PortalStandIns.LEFT).containsExactly("POST");
    }

    @Test
    void aDaysFreeTimesSayWithWhomOnTheClinicsClock() throws Exception {
        pages.perform(get("/portal/appointments/slots").param("treatment", PortalStandIns.CLIENT_ID)
                        .param("day", "2026-07-01").header("Authorization", client()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"slot-1\"")))
                .andExpect(content().string(containsString("with Dr Alluris")))
                .andExpect(content().string(containsString("with Nurse Grey")))
                .andExpect(content().string(containsString(">10:00<")));
    }

    @Test
    void thePolicyHistoryShowsEveryVersionWithItsDateAndChangesAndMarksTheOneInForce() throws Exception {
        pages.perform(get("/portal/policy-history").header("Authorization", client())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Photos: a separate consent for recognisable photos")))
                .andExpect(content().string(containsString("01/07/2026")))
                .andExpect(content().string(containsString("First published version")))
                .andExpect(content().string(containsString("01/01/2026")))
                .andExpect(content().string(containsString("In force now")))
                .andExpect(content().string(containsString("href=\"/portal/policy-history\"")));
        org.assertj.core.api.Assertions.assertThat(pages.perform(get("/portal/policy-history")
                        .header("Authorization", client())).andReturn().getResponse().getContentAsString())
                .containsOnlyOnce("In force now");
        pages.perform(get("/portal/policy-history")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/portal/sign-in"));
    }
}
