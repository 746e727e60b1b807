package uk.alluris.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiStyleUnitTest {

    private static final String CONTACT_AND_LICENCE = """
            ,"contact":{"name":"Dr Alluris Aesthetics Ltd","email":"info@example.org"},"license":{"name":"Proprietary"}""";
    private static final String CLEAN = """
            {"openapi":"3.1.0",
             "info":{"title":"Alluris booking-service","version":"1","description":"Bookings."%s},
             "paths":{"/api/bookings/{id}":{"get":{"operationId":"appointment","summary":"Appointment",
                 "tags":["appointments"],
                 "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},
                               {"name":"Idempotency-Key","in":"header","schema":{"type":"string"}}],
                 "responses":{"200":{"description":"the appointment"}}}}}}""".formatted(CONTACT_AND_LICENCE.strip());

    @Test
    void aDocumentWithInfoOperationIdsTagsAndSummariesHasNoFindings() {
        assertThat(ApiStyle.findingsIn(CLEAN)).isEmpty();
    }

    @Test
    void aDocumentWithoutContactOrLicenceIsReported() {
        String bare = CLEAN.replace(CONTACT_AND_LICENCE.strip(), "");

        assertThat(ApiStyle.findingsIn(bare)).anySatisfy(finding -> assertThat(finding).contains("'contact'"))
                .anySatisfy(finding -> assertThat(finding).contains("'license'"));
    }

    @Test
    void anOperationWithoutOperationIdTagOrSummaryIsReported() {
        String bare = CLEAN.replace("\"operationId\":\"appointment\",\"summary\":\"Appointment\",", "")
                .replace("\"tags\":[\"appointments\"],", "");

        assertThat(ApiStyle.findingsIn(bare)).anySatisfy(finding -> assertThat(finding).contains("'operationId'"))
                .anySatisfy(finding -> assertThat(finding).contains("'summary'"))
                .anySatisfy(finding -> assertThat(finding).contains("'tags'"));
    }

    @Test
    void aPathOrParameterNotInThePlatformsSpellingIsReportedButAnHttpStyleHeaderIsNot() {
        String badlyNamed = CLEAN.replace("/api/bookings/{id}", "/api/Bookings_List/{id}")
                .replace("\"name\":\"id\"", "\"name\":\"booking_id\"").replace("{id}", "{booking_id}");

        assertThat(ApiStyle.findingsIn(badlyNamed)).anySatisfy(finding -> assertThat(finding).contains("Bookings_List"))
                .anySatisfy(finding -> assertThat(finding).contains("booking_id"))
                .noneSatisfy(finding -> assertThat(finding).contains("Idempotency-Key"));
    }

    @Test
    void somethingThatIsNotAnOpenApiDocumentIsRefusedNotPassed() {
        assertThatThrownBy(() -> ApiStyle.findingsIn("<html>not found</html>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
