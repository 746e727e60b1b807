package uk.alluris.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
 * The privacy officer's lists against a rights service that answers: the restriction list linking each person's
 * request, and the dead letters with a Send back button whose refusal is said on the page. Only the officer sees them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class OfficerPagesIntegrationTest {

    @Autowired
    MockMvc pages;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("alluris.web.services.rights", StandInServices::url);
    }

    private static String bearer(String... roles) {
        return "Bearer " + TestTokens.get().staff(roles);
    }

    @Test
    void theRestrictionListLinksEachRestrictedPersonsRequestAndIsTheOfficersAlone() throws Exception {
        pages.perform(get("/staff/officer/restrictions").header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 person(s) restricted")))
                .andExpect(content().string(containsString("href=\"/staff/officer/requests/"
                        + StandInServices.APPOINTMENT_ID + "\"")))
                .andExpect(content().string(containsString("03/11/2026")))
                .andExpect(content().string(containsString("href=\"/staff/officer/restrictions\"")));
        pages.perform(get("/staff/officer/restrictions").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDeadLetterHasASendBackButtonAndARefusedRedriveIsSaidOnThePage() throws Exception {
        pages.perform(get("/staff/officer/dead-letters").header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/staff/officer/dead-letters/redrives\"")))
                .andExpect(content().string(containsString("name=\"offset\" value=\"7\"")))
                .andExpect(content().string(containsString("Send back to marketing.events")));
        pages.perform(post("/staff/officer/dead-letters/redrives").header("Authorization", bearer("PRIVACY_OFFICER"))
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v")
                        .param("topic", "error.marketing.events.rights-request-service").param("partition", "0")
                        .param("offset", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not sent back. Already redriven")));
        pages.perform(post("/staff/officer/dead-letters/redrives").header("Authorization", bearer("PRIVACY_OFFICER"))
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("topic", "error.x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a dead letter")));
    }

    @Test
    void theRetentionPageShowsEachServicesForecastAndSaysWhichIsMissingAndIsTheOfficersAlone() throws Exception {
        pages.perform(get("/staff/officer/retention").header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("request-evidence")))
                .andExpect(content().string(containsString("<td>3</td>")))
                .andExpect(content().string(containsString("04/12/2026")))
                .andExpect(content().string(containsString("Forecast missing")))
                .andExpect(content().string(containsString("href=\"/staff/officer/retention\"")));
        pages.perform(get("/staff/officer/retention").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden());
    }
}
