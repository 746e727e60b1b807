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
                 "description":"One appointment, for the client it belongs to or the clinic's staff.",
                 "tags":["appointments"],
                 "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},
                               {"name":"Idempotency-Key","in":"header","schema":{"type":"string"}}],
                 "responses":{"200":{"description":"the appointment","content":{"application/json":
                     {"schema":{"$ref":"#/components/schemas/Appointment"}}}}}}}},
             "components":{"schemas":{"Appointment":{"type":"object","properties":{
                 "start":{"type":"string","format":"date-time","description":"when it starts",
                          "example":"2026-12-03T10:30:00Z"}}}}}}""".formatted(CONTACT_AND_LICENCE.strip());

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
    void anOperationWithoutADescriptionAndAPropertyWithoutDescriptionOrExampleAreReported() {
        String bare = CLEAN.replace("\"description\":\"One appointment, for the client it belongs to or the clinic's staff.\",", "")
                .replace("\"description\":\"when it starts\",", "").replaceAll(",\\s*\"example\":\"[^\"]*\"", "");

        assertThat(bare).doesNotContain("One appointment").doesNotContain("when it starts").doesNotContain("10:30");
        assertThat(ApiStyle.findingsIn(bare)).anySatisfy(finding -> assertThat(finding).contains("'description'"))
                .anySatisfy(finding -> assertThat(finding).contains("'example'"))
                .anySatisfy(finding -> assertThat(finding).contains("'start'"));
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
