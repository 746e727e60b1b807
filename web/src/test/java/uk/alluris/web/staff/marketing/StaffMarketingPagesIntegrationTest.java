package uk.alluris.web.staff.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The marketing pages as a browser gets them, against marketing and booking answering over HTTP: compose a campaign,
 * see its audience, send it once per composed form and watch it; the leads inbox and its one-step "make a client" (not
 * for a restricted person); the suppression list's count and one lookup; the partners' last delivery; who may open
 * which.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class StaffMarketingPagesIntegrationTest {

    @Autowired
    MockMvc pages;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("alluris.web.services.marketing", MarketingStandIn::url);
        registry.add("alluris.web.services.booking", MarketingStandIn::url);
    }

    private static String bearer(String... roles) {
        return "Bearer " + TestTokens.get().staff(roles);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String role) {
        return request.header("Authorization", bearer(role)).cookie(new Cookie("XSRF-TOKEN", "t")).param("_csrf", "t");
    }

    @Test
    void anAdminSeesHowManyWouldReceiveACampaignBeforeSendingIt() throws Exception {
        pages.perform(get("/staff/marketing/campaigns").header("Authorization", bearer("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("See how many would receive it")))
                .andExpect(content().string(containsString("Spring offers")))
                .andExpect(content().string(containsString("01/07/2026")))
                .andExpect(content().string(not(containsString("id=\"send-campaign\""))));

        pages.perform(form(post("/staff/marketing/campaigns/audience"), "ADMIN").param("list", "newsletter")
                        .param("subject", "Summer").param("body", "Hello"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>3</strong>")))
                .andExpect(content().string(containsString("of <span>5</span> people on <span>newsletter</span>")))
                .andExpect(content().string(containsString("1 skipped: suppressed")))
                .andExpect(content().string(containsString("id=\"send-campaign\"")))
                .andExpect(content().string(containsString("name=\"key\"")));
    }

    @Test
    void sendingCarriesTheFormsIdempotencyKeyAndOpensTheProgressThatPollsUntilSent() throws Exception {
        String key = "form-key-" + System.nanoTime();

        pages.perform(form(post("/staff/marketing/campaigns"), "ADMIN").param("key", key).param("list", "newsletter")
                        .param("subject", "Summer").param("body", "Hello"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/marketing/campaigns/" + MarketingStandIn.SENDING));

        assertThat(MarketingStandIn.ASKED).filteredOn(a -> a.method().equals("POST")
                && a.path().equals("/api/marketing/campaigns") && key.equals(a.idempotencyKey())).singleElement()
                .satisfies(a -> assertThat(a.body()).contains("\"list\":\"newsletter\"").contains("\"channel\":\"email\""));
        pages.perform(get("/staff/marketing/campaigns/" + MarketingStandIn.SENDING).header("Authorization", bearer("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/staff/marketing/campaigns/"
                        + MarketingStandIn.SENDING + "/progress\"")))
                .andExpect(content().string(containsString("4 of 5 handled")));
        pages.perform(get("/staff/marketing/campaigns/" + MarketingStandIn.SENT + "/progress")
                        .header("Authorization", bearer("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sent 01/07/2026")))
                .andExpect(content().string(not(containsString("hx-get"))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void marketingsRefusalIsShownOnTheComposePage() throws Exception {
        pages.perform(form(post("/staff/marketing/campaigns"), "ADMIN").param("key", "refused-key-1")
                        .param("list", "newsletter").param("subject", "Bad\r\nBcc: x").param("body", "Hello"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Invalid input: subject: a subject is one line")));
    }

    @Test
    void theLeadsInboxShowsConsentAndMakesAClientInOneStepButNotARestrictedPerson() throws Exception {
        pages.perform(get("/staff/marketing/leads").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lee Lead")))
                .andExpect(content().string(containsString("Marketing by email")))
                .andExpect(content().string(containsString("Restricted")))
                .andExpect(content().string(containsString("cannot be made a client while that lasts")));
        int asked = MarketingStandIn.ASKED.size();

        pages.perform(form(post("/staff/marketing/leads/{id}/client", MarketingStandIn.RESTRICTED_LEAD),
                        "RECEPTION").param("dateOfBirth", "1990-05-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Restricted: processing of this person")));
        assertThat(MarketingStandIn.ASKED.subList(asked, MarketingStandIn.ASKED.size()))
                .noneMatch(a -> a.path().startsWith("/api/bookings") || a.path().endsWith("/conversion"));

        pages.perform(form(post("/staff/marketing/leads/{id}/client", MarketingStandIn.LEAD), "RECEPTION")
                        .param("dateOfBirth", "1990-05-01"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/marketing/leads?client=" + MarketingStandIn.NEW_CLIENT));
        assertThat(MarketingStandIn.ASKED).filteredOn(a -> a.path().equals("/api/bookings/clients")).last()
                .satisfies(a -> assertThat(a.body()).contains("\"fullName\":\"Lee Lead\"")
                        .contains("\"email\":\"lee@example.com\"").contains("\"dateOfBirth\":\"1990-05-01\""));
        assertThat(MarketingStandIn.ASKED).filteredOn(a -> a.path().endsWith("/conversion")).last()
                .satisfies(a -> assertThat(a.body()).contains(MarketingStandIn.NEW_CLIENT));
    }

    @Test
    void theSuppressionListShowsCountsAndAnswersForOneAddressOnly() throws Exception {
        pages.perform(get("/staff/marketing/suppression").header("Authorization", bearer("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>6</strong> suppressed")));
        pages.perform(form(post("/staff/marketing/suppression"), "ADMIN").param("email", "gone@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("gone@example.com is suppressed (objection) since 01/07/2026")));
        pages.perform(form(post("/staff/marketing/suppression"), "ADMIN").param("email", "here@example.com"))
                .andExpect(content().string(containsString("here@example.com is not on the suppression list")));
    }

    @Test
    void thePartnersPageShowsEachPartnersLastDeliveryOnTheClinicsClock() throws Exception {
        pages.perform(get("/staff/marketing/partners").header("Authorization", bearer("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("acme")))
                .andExpect(content().string(containsString("01/07/2026 10:15")));
    }

    @Test
    void receptionHasTheLeadsButNotTheAdminsMarketingPages() throws Exception {
        pages.perform(get("/staff").header("Authorization", bearer("RECEPTION")))
                .andExpect(content().string(containsString("href=\"/staff/marketing/leads\"")))
                .andExpect(content().string(not(containsString("href=\"/staff/marketing/campaigns\""))));
        for (String page : new String[] { "/staff/marketing/campaigns", "/staff/marketing/suppression",
                "/staff/marketing/partners" }) {
            pages.perform(get(page).header("Authorization", bearer("RECEPTION"))).andExpect(status().isForbidden());
        }
        pages.perform(get("/staff/marketing/leads").header("Authorization", bearer("CLINICIAN")))
                .andExpect(status().isForbidden());
    }
}
