package uk.alluris.web;

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
 * The pages as a browser gets them: sign-in when there is no token, the navigation of the caller's roles, the
 * friendly 403 (the web's own rule or a service's refusal), the reason a restricted record asks for, a silent
 * service named, htmx served from this module, and a form post without the double-submit token refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class StaffPagesIntegrationTest {

    @Autowired
    MockMvc pages;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("alluris.web.services.booking", StandInServices::url);
        registry.add("alluris.web.services.records", StandInServices::url);
        // nothing listens on the discard port: the rights-request service "is down"
        registry.add("alluris.web.services.rights", () -> "http://127.0.0.1:9");
    }

    private static String bearer(String... roles) {
        return "Bearer " + TestTokens.get().staff(roles);
    }

    @Test
    void withoutATokenAPageSendsToSignInAndTheSignInPageIsOpen() throws Exception {
        pages.perform(get("/staff")).andExpect(status().isFound()).andExpect(redirectedUrl("/staff/sign-in"));
        pages.perform(get("/staff/officer/requests").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/staff/sign-in"));
        pages.perform(get("/staff/sign-in")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/assets/sign-in.js")))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void prometheusReadsWebsMetricsAndBuildWithoutAToken() throws Exception {
        // on web's own port only: the gateway routes web's pages, never its actuator
        pages.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("application=\"web\"")));
        pages.perform(get("/actuator/info")).andExpect(status().isOk());
    }

    @Test
    void theNavigationShowsOnlyTheAreasOfTheCallersRoles() throws Exception {
        pages.perform(get("/staff").header("Authorization", bearer("RECEPTION"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/staff/reception/clients\"")))
                .andExpect(content().string(not(containsString("href=\"/staff/officer/requests\""))))
                .andExpect(content().string(not(containsString("href=\"/staff/admin/accounts\""))));
    }

    @Test
    void aRoleThatMayNotSeeAPageGetsTheFriendly403Page() throws Exception {
        pages.perform(get("/staff/officer/requests").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/staff/forbidden"));
        pages.perform(get("/staff/forbidden").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This page is not for your role")));
    }

    @Test
    void aServicesOwnRefusalIsTheSame403PageNeverAStackTrace() throws Exception {
        pages.perform(get("/staff/clinical/" + StandInServices.CLIENT_ID).header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This page is not for your role")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void aRestrictedRecordAsksForTheReasonBeforeItOpens() throws Exception {
        pages.perform(get("/staff/clinical/" + StandInServices.RESTRICTED_ID).header("Authorization", bearer("CLINICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This record is restricted")))
                .andExpect(content().string(containsString("name=\"reason\"")))
                .andExpect(content().string(containsString("Born 29/02/1984")));
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedOnAClearPage() throws Exception {
        pages.perform(get("/staff/officer/requests").header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("That part of the clinic's system is not answering")))
                .andExpect(content().string(containsString("privacy requests")));
    }

    @Test
    void aFormPostWithoutTheDoubleSubmitTokenIsRefusedAndOneWithItPasses() throws Exception {
        String token = bearer("PRIVACY_OFFICER");
        pages.perform(post("/staff/officer/requests/" + StandInServices.CLIENT_ID + "/extension")
                        .header("Authorization", token).cookie(new Cookie("XSRF-TOKEN", "cookie-value"))
                        .param("months", "1").param("reason", "complex"))
                .andExpect(status().isForbidden());
        pages.perform(post("/staff/officer/requests/" + StandInServices.CLIENT_ID + "/extension")
                        .header("Authorization", token).cookie(new Cookie("XSRF-TOKEN", "cookie-value"))
                        .param("_csrf", "cookie-value").param("months", "1").param("reason", "complex"))
                // past the CSRF check, the (silent) rights-request service is named
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void theDiaryShowsADayOnTheClinicsClockForOnePractitionerWithTheClientsFlags() throws Exception {
        pages.perform(get("/staff/reception/diary").param("date", "2026-07-01")
                        .param("practitioner", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                        .header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("01/07/2026")))
                .andExpect(content().string(containsString("10:00–10:30")))
                .andExpect(content().string(containsString("Restricted")))
                .andExpect(content().string(containsString("1 appointment(s)")))
                .andExpect(content().string(containsString("Nurse Grey")))
                .andExpect(content().string(not(containsString("Skin peel"))));
    }

    @Test
    void aClientsPageOffersBookingAndWarnsWhenBookingSaysCancellingNowKeepsTheDeposit() throws Exception {
        pages.perform(get("/staff/reception/clients/" + StandInServices.CLIENT_ID)
                        .header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lip filler (45 min, deposit £50.00)")))
                .andExpect(content().string(containsString("hx-get=\"/staff/reception/clients/"
                        + StandInServices.CLIENT_ID + "/slots\"")))
                .andExpect(content().string(containsString("Cancel (late: the deposit is kept)")));
    }

    @Test
    void aDaysFreeTimesComeAsRadioButtonsOnTheClinicsClock() throws Exception {
        pages.perform(get("/staff/reception/clients/" + StandInServices.CLIENT_ID + "/slots")
                        .param("treatment", StandInServices.TREATMENT_ID).param("day", "2026-07-01")
                        .header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "value=\"2026-07-01T09:00:00Z 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f\"")))
                .andExpect(content().string(containsString("10:00")));
        pages.perform(get("/staff/reception/clients/" + StandInServices.CLIENT_ID + "/slots")
                        .param("day", "not a day").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a treatment and a day")));
    }

    @Test
    void aBookingBookingRefusesIsExplainedOnTheClientsPage() throws Exception {
        pages.perform(post("/staff/reception/clients/" + StandInServices.CLIENT_ID + "/appointments")
                        .header("Authorization", bearer("RECEPTION")).cookie(new Cookie("XSRF-TOKEN", "v"))
                        .param("_csrf", "v").param("treatment", StandInServices.TREATMENT_ID)
                        .param("slot", "2026-07-01T09:00:00Z 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Not booked. Not allowed: Lip filler is not given to anyone under 18")));
        pages.perform(post("/staff/reception/clients/" + StandInServices.CLIENT_ID + "/appointments")
                        .header("Authorization", bearer("RECEPTION")).cookie(new Cookie("XSRF-TOKEN", "v"))
                        .param("_csrf", "v").param("treatment", StandInServices.TREATMENT_ID).param("slot", "soon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a treatment, a day and one of its free times")));
    }

    @Test
    void aClientsPageShowsTheObjectionAndOffersACorrectionAndOnlyForwardPaymentStatuses() throws Exception {
        pages.perform(get("/staff/reception/clients/" + StandInServices.CLIENT_ID)
                        .header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"objected\"")))
                .andExpect(content().string(containsString("action=\"/staff/reception/clients/"
                        + StandInServices.CLIENT_ID + "/corrections\"")))
                .andExpect(content().string(containsString("value=\"ada@example.com\"")))
                .andExpect(content().string(containsString("action=\"/staff/reception/clients/"
                        + StandInServices.CLIENT_ID + "/payments/" + StandInServices.PAYMENT_ID + "/status\"")))
                .andExpect(content().string(containsString("<option value=\"REFUNDED\">refunded</option>")))
                .andExpect(content().string(not(containsString("<option value=\"PENDING\">"))));
    }

    @Test
    void aCorrectionBookingRefusesIsSaidOnThePageAndARecordedPaymentSaysSo() throws Exception {
        pages.perform(post("/staff/reception/clients/" + StandInServices.CLIENT_ID + "/corrections")
                        .header("Authorization", bearer("RECEPTION")).cookie(new Cookie("XSRF-TOKEN", "v"))
                        .param("_csrf", "v").param("fullName", "Ada Stone").param("email", "taken@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not corrected. Identifier in use: the corrected email "
                        + "already identifies another client")));
        pages.perform(post("/staff/reception/clients/" + StandInServices.CLIENT_ID + "/corrections")
                        .header("Authorization", bearer("RECEPTION")).cookie(new Cookie("XSRF-TOKEN", "v"))
                        .param("_csrf", "v").param("dateOfBirth", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date of birth must be a date")));
        pages.perform(post("/staff/reception/clients/" + StandInServices.CLIENT_ID + "/payments/"
                        + StandInServices.PAYMENT_ID + "/status")
                        .header("Authorization", bearer("RECEPTION")).cookie(new Cookie("XSRF-TOKEN", "v"))
                        .param("_csrf", "v").param("status", "PAID"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/reception/clients/" + StandInServices.CLIENT_ID
                        + "?done=payment-recorded"));
    }

    @Test
    void htmxAndTheStylesAreServedByThisModule() throws Exception {
        pages.perform(get("/staff/assets/htmx/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        pages.perform(get("/staff/assets/staff.css")).andExpect(status().isOk());
        for (String area : new String[] { "staff", "portal", "privacy" }) {
            pages.perform(get("/" + area + "/assets/common/clinic.css")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("--focus")));
            pages.perform(get("/" + area + "/assets/htmx/htmx.min.js")).andExpect(status().isOk());
        }
    }
}
