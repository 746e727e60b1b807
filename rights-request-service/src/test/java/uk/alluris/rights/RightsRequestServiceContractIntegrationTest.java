package uk.alluris.rights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceContractChecks;
import uk.alluris.testsupport.ServiceEndpoints;

class RightsRequestServiceContractIntegrationTest extends ServiceContractChecks {

    @Test
    void itsDocumentShowsTheBodiesItsEndpointsReallyAnswerWith() {
        JsonNode api = ServiceEndpoints.json(ServiceEndpoints.get(url("/v3/api-docs")));
        JsonNode register = api.at("/paths/~1api~1privacy~1register/get");
        JsonNode bundle = api.at("/paths/~1api~1privacy~1requests~1{id}~1bundle/get");

        assertThat(register.at("/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Register");
        assertThat(register.has("parameters")).as("the register takes no parameters").isFalse();
        assertThat(bundle.at("/responses/200/content/application~1zip/schema/format").asString()).isEqualTo("binary");

        assertThat(api.at("/paths/~1api~1privacy~1complaints/post/responses/201/content/*~1*/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ComplaintView");
        assertThat(api.at("/paths/~1api~1privacy~1disclosures/post/responses/201/content/*~1*/schema/$ref").asString())
                .isEqualTo("#/components/schemas/DisclosureView");
        assertThat(api.at("/components/schemas/ComplaintView/properties").has("channel")).isTrue();
        assertThat(api.at("/components/schemas/DisclosureView/properties").has("recipient")).isTrue();
    }
}
