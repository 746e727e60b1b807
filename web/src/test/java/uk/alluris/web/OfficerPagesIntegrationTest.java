package uk.alluris.web;

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
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The privacy officer's lists against a rights service that answers: the restriction list linking each person's
 * request, and the dead letters with a Send back button whose refusal is said on the page. Only the officer sees them.
 * The complaints, both sides: a client's own in the portal with its form, and the officer's queue.
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
        // the portal's complaint form reads the client's address from booking's profile
        registry.add("alluris.web.services.booking", StandInServices::url);
        registry.add("alluris.web.services.consent", StandInServices::url);
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

    private static String client() {
        return "Bearer " + TestTokens.get().client("ada-index");
    }

    @Test
    void aClientSeesTheirOwnComplaintsWithDueDateLatenessAndTheAnswerReadWithTheirOwnToken() throws Exception {
        String ada = client();
        pages.perform(get("/portal/complaints").header("Authorization", ada)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nobody told me my photos were used")))
                .andExpect(content().string(containsString("01/11/2026")))
                .andExpect(content().string(containsString("Late: we owe you an answer")))
                .andExpect(content().string(containsString("We have stopped them. You can also complain to the ICO.")))
                .andExpect(content().string(containsString("maxlength=\"5000\"")))
                .andExpect(content().string(containsString("href=\"/portal/complaints\"")));
        org.assertj.core.api.Assertions.assertThat(StandInServices.COMPLAINT_TOKENS).last().isEqualTo(ada);
        pages.perform(get("/portal/complaints").header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aComplaintIsMadeUnderTheClientsOwnAddressAndAnEmptyOrRefusedOneIsSaidOnTheFormWithTheTextKept()
            throws Exception {
        pages.perform(post("/portal/complaints").header("Authorization", client())
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("text", "No token"))
                .andExpect(status().isForbidden());
        pages.perform(post("/portal/complaints").header("Authorization", client())
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("text", "   "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Write what went wrong")));
        pages.perform(post("/portal/complaints").header("Authorization", client())
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("text", "x".repeat(5001)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("5001 characters long")));
        org.assertj.core.api.Assertions.assertThat(StandInServices.COMPLAINT_POSTS)
                .noneMatch(posted -> posted.contains("No token") || posted.contains("xxxxx"));

        pages.perform(post("/portal/complaints").header("Authorization", client())
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("text", "My fourth one"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("as many complaints as we take in one day")))
                .andExpect(content().string(containsString(">My fourth one</textarea>")));
        pages.perform(post("/portal/complaints").header("Authorization", client())
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("text", " Rude on the phone "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/complaints?made"));
        org.assertj.core.api.Assertions.assertThat(StandInServices.COMPLAINT_POSTS).contains(
                "/api/privacy/complaints {\"email\":\"ada@example.com\",\"text\":\"Rude on the phone\","
                        + "\"channel\":\"PORTAL\"}");
    }

    @Test
    void theComplaintsQueueShowsDueDatesMarksTheLateOnesAndIsTheOfficersAlone() throws Exception {
        pages.perform(get("/staff/officer/complaints").header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 complaint(s)")))
                .andExpect(content().string(containsString("01/11/2026")))
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(containsString("href=\"/staff/officer/complaints/"
                        + StandInServices.COMPLAINT_ID + "\"")))
                .andExpect(content().string(containsString("href=\"/staff/officer/complaints\"")))
                .andExpect(content().string(not(containsString("Nobody told me"))));
        pages.perform(get("/staff/officer/complaints").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden());
        pages.perform(get("/staff/officer/complaints/" + StandInServices.COMPLAINT_ID)
                        .header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOfficerReadsAComplaintAssignsItToThemselvesAndAnswersWithRefusalsSaidOnThePage() throws Exception {
        pages.perform(get("/staff/officer/complaints/" + StandInServices.COMPLAINT_ID)
                        .header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nobody told me my photos were used")))
                .andExpect(content().string(containsString("ada@example.com")))
                .andExpect(content().string(containsString("Assign to me")))
                .andExpect(content().string(containsString("the ICO route is added to it")));
        String officer = bearer("PRIVACY_OFFICER");
        pages.perform(post("/staff/officer/complaints/" + StandInServices.COMPLAINT_ID + "/assignment")
                        .header("Authorization", officer).cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staff/officer/complaints/"
                        + StandInServices.COMPLAINT_ID + "?done=assigned"));
        org.assertj.core.api.Assertions.assertThat(StandInServices.COMPLAINT_POSTS).contains("/api/privacy/complaints/"
                + StandInServices.COMPLAINT_ID + "/assignment {\"assignee\":\"staff-PRIVACY_OFFICER\"}");

        pages.perform(post("/staff/officer/complaints/" + StandInServices.COMPLAINT_ID + "/answer")
                        .header("Authorization", officer).cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v")
                        .param("text", "  "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Write the answer")));
        pages.perform(post("/staff/officer/complaints/" + StandInServices.COMPLAINT_ID + "/answer")
                        .header("Authorization", officer).cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v")
                        .param("text", "Sorry, again"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not saved. Already answered")))
                .andExpect(content().string(containsString(">Sorry, again</textarea>")));
        pages.perform(post("/staff/officer/complaints/" + StandInServices.COMPLAINT_ID + "/answer")
                        .header("Authorization", officer).cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v")
                        .param("text", "We are sorry; we have stopped using them."))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staff/officer/complaints/"
                        + StandInServices.COMPLAINT_ID + "?done=answered"));
        org.assertj.core.api.Assertions.assertThat(StandInServices.COMPLAINT_POSTS).contains("/api/privacy/complaints/"
                + StandInServices.COMPLAINT_ID + "/answer {\"text\":\"We are sorry; we have stopped using them.\"}");
    }

    @Test
    void theDisclosurePageOffersTheRegistersRecipientsAndCategoriesListsRecentOnesWithoutDetailsAndIsTheOfficersAlone()
            throws Exception {
        pages.perform(get("/staff/officer/disclosures").header("Authorization", bearer("PRIVACY_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"authorities\"")))
                .andExpect(content().string(containsString("value=\"clinical-records\"")))
                .andExpect(content().string(containsString("value=\"LEGAL_OBLIGATION\"")))
                .andExpect(content().string(containsString("Metropolitan Police (authorities)")))
                .andExpect(content().string(containsString("20/11/2026")))
                .andExpect(content().string(containsString("href=\"/staff/officer/disclosures\"")))
                .andExpect(content().string(not(containsString("court order"))));
        pages.perform(get("/staff/officer/disclosures").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden());
        pages.perform(post("/staff/officer/disclosures/lookup").header("Authorization", bearer("RECEPTION"))
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("email", "ada@example.com"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDisclosureIsRecordedWithEveryFieldAndAMissingPersonOrARefusalIsSaidOnTheFormWithItsValuesKept()
            throws Exception {
        String officer = bearer("PRIVACY_OFFICER");
        pages.perform(post("/staff/officer/disclosures").header("Authorization", officer)
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("recipient", "authorities")
                        .param("recipientName", "Nobody given").param("details", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("email or phone")));
        org.assertj.core.api.Assertions.assertThat(StandInServices.DISCLOSURE_POSTS)
                .noneMatch(posted -> posted.contains("Nobody given"));

        pages.perform(post("/staff/officer/disclosures").header("Authorization", officer)
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("email", "ada@example.com")
                        .param("recipient", "authorities").param("recipientName", "Insurer Ltd")
                        .param("disclosedOn", "2026-11-29").param("legalBasis", "LEGAL_OBLIGATION")
                        .param("personTold", "yes").param("details", "Claim file"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not recorded. Bad Request: categories: size must be")))
                .andExpect(content().string(containsString("value=\"Insurer Ltd\"")));

        pages.perform(post("/staff/officer/disclosures").header("Authorization", officer)
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("phone", "07700900123")
                        .param("recipient", "authorities").param("recipientName", "Metropolitan Police")
                        .param("categories", "clinical-records", "appointments").param("disclosedOn", "2026-11-20")
                        .param("legalBasis", "LEGAL_OBLIGATION").param("personTold", "no")
                        .param("exemptionGround", "DPA 2018 Sch. 2 para 2: crime").param("details", " Notes "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staff/officer/disclosures?recorded"));
        org.assertj.core.api.Assertions.assertThat(StandInServices.DISCLOSURE_POSTS).contains("{\"email\":null,"
                + "\"phone\":\"07700900123\",\"recipient\":\"authorities\",\"recipientName\":\"Metropolitan "
                + "Police\",\"categories\":[\"clinical-records\",\"appointments\"],\"disclosedOn\":\"2026-11-20\","
                + "\"legalBasis\":\"LEGAL_OBLIGATION\",\"personTold\":false,\"exemptionGround\":\"DPA 2018 Sch. 2 "
                + "para 2: crime\",\"details\":\"Notes\"}");
    }

    @Test
    void aPersonsDisclosuresAreLookedUpByAPostedIdentifierAndShowTheirDetails() throws Exception {
        pages.perform(post("/staff/officer/disclosures/lookup").header("Authorization", bearer("PRIVACY_OFFICER"))
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("email", "ada@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 disclosure(s) of this person")))
                .andExpect(content().string(containsString("Treatment notes of 2026 under a court order")))
                .andExpect(content().string(containsString("no: DPA 2018 Sch. 2 para 2: crime")));
        pages.perform(post("/staff/officer/disclosures/lookup").header("Authorization", bearer("PRIVACY_OFFICER"))
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Give an email or a phone")));
    }

    @Test
    void thePolicyVersionsPageListsTheHistoryPublishesANewVersionAndSaysARefusalWithTheFormKept() throws Exception {
        String officer = bearer("PRIVACY_OFFICER");
        pages.perform(get("/staff/officer/policy-versions").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Photos consent split")))
                .andExpect(content().string(containsString("01/07/2026")))
                .andExpect(content().string(containsString("In force")))
                .andExpect(content().string(containsString("href=\"/staff/officer/policy-versions\"")));
        pages.perform(get("/staff/officer/policy-versions").header("Authorization", bearer("RECEPTION")))
                .andExpect(status().isForbidden());

        pages.perform(post("/staff/officer/policy-versions").header("Authorization", officer)
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("version", "2027 01")
                        .param("effectiveFrom", "2027-01-01").param("summary", "New processor")
                        .param("text", "The whole policy").param("material", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not published. Bad Request: version: must be 1-40")))
                .andExpect(content().string(containsString(">The whole policy</textarea>")));
        pages.perform(post("/staff/officer/policy-versions").header("Authorization", officer)
                        .cookie(new Cookie("XSRF-TOKEN", "v")).param("_csrf", "v").param("version", "2027-01")
                        .param("effectiveFrom", "2027-01-01").param("summary", "New processor")
                        .param("text", "The whole policy").param("material", "yes"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/officer/policy-versions?published=2027-01"));
        org.assertj.core.api.Assertions.assertThat(StandInServices.POLICY_POSTS).contains("{\"version\":\"2027-01\","
                + "\"text\":\"The whole policy\",\"summary\":\"New processor\",\"effectiveFrom\":\"2027-01-01\","
                + "\"material\":true}");
    }
}
