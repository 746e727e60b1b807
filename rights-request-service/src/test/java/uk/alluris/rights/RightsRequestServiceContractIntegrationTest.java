package uk.alluris.rights;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json31;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapitools.empoa.swagger.core.internal.SwAdapter;
import org.openapitools.openapistylevalidator.OpenApiSpecStyleValidator;
import org.openapitools.openapistylevalidator.ValidatorParameters;
import org.openapitools.openapistylevalidator.styleerror.StyleError;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceContractChecks;
import uk.alluris.testsupport.ServiceEndpoints;

class RightsRequestServiceContractIntegrationTest extends ServiceContractChecks {

    /**
     * Schemas and paths the platform's kit and event catalogue define, not this service; the kit's owners describe them.
     * Until ApiStyle checks the description and example rules for every service, this holds this service to them.
     */
    private static final List<String> DEFINED_BY_THE_PLATFORM = List.of("'Problem'", "'CategoryOutcome'",
            "'CategoryForecast'", "'RetentionForecast'", "'ParkedEntry'", "'ParkedPage'", "/api/privacy/retention/",
            "/api/privacy/outbox/");

    @Test
    void everyOperationAndEveryPropertyOfItsOwnSchemasIsDescribedWithAnExample() throws Exception {
        String json = ServiceEndpoints.get(url("/v3/api-docs")).body();
        ValidatorParameters rules = new ValidatorParameters();
        rules.setHeaderNamingConvention(ValidatorParameters.NamingConvention.HyphenUpperCase);
        List<String> findings = new OpenApiSpecStyleValidator(SwAdapter.toOpenAPI(
                Json31.mapper().readValue(json, io.swagger.v3.oas.models.OpenAPI.class)))
                .validate(rules).stream().map(StyleError::toString)
                .filter(finding -> DEFINED_BY_THE_PLATFORM.stream().noneMatch(finding::contains)).toList();

        assertThat(findings).as("findings under every default rule in rights-request-service's own schemas").isEmpty();
    }

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
