package uk.alluris.testsupport;

import io.swagger.v3.core.util.Json31;
import java.util.List;
import java.util.Set;
import org.openapitools.empoa.swagger.core.internal.SwAdapter;
import org.openapitools.openapistylevalidator.OpenApiSpecStyleValidator;
import org.openapitools.openapistylevalidator.ValidatorParameters;
import org.openapitools.openapistylevalidator.styleerror.StyleError;

/**
 * The OpenAPI linter the build runs on every service's document: OpenAPITools' openapi-style-validator with its default
 * (recommended) rules, less those named in {@link #NOT_YET_CHECKED} (docs/observability.md says why and how many
 * findings each still has).
 */
public final class ApiStyle {

    /** Default rules the documents do not meet yet; each one removed from here is checked from then on. */
    static final Set<String> NOT_YET_CHECKED = Set.of(
            // a description on every operation beyond its summary: to be written per operation with @Operation
            "validateOperationDescription",
            // an example and a description on every property of every schema: to be written per property with @Schema
            "validateModelPropertiesExample", "validateModelPropertiesDescription");

    private ApiStyle() {
    }

    /** Every finding of the linter on an OpenAPI document given as JSON. */
    public static List<String> findingsIn(String json) {
        try {
            io.swagger.v3.oas.models.OpenAPI parsed = Json31.mapper().readValue(json,
                    io.swagger.v3.oas.models.OpenAPI.class);
            OpenApiSpecStyleValidator validator = new OpenApiSpecStyleValidator(SwAdapter.toOpenAPI(parsed));
            return validator.validate(rules()).stream().map(StyleError::toString).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not an OpenAPI document: " + e.getOriginalMessage(), e);
        }
    }

    private static ValidatorParameters rules() {
        ValidatorParameters rules = new ValidatorParameters();
        rules.setValidateInfoLicense(!NOT_YET_CHECKED.contains("validateInfoLicense"));
        rules.setValidateInfoDescription(!NOT_YET_CHECKED.contains("validateInfoDescription"));
        rules.setValidateInfoContact(!NOT_YET_CHECKED.contains("validateInfoContact"));
        rules.setValidateOperationOperationId(!NOT_YET_CHECKED.contains("validateOperationOperationId"));
        rules.setValidateOperationDescription(!NOT_YET_CHECKED.contains("validateOperationDescription"));
        rules.setValidateOperationTag(!NOT_YET_CHECKED.contains("validateOperationTag"));
        rules.setValidateOperationSummary(!NOT_YET_CHECKED.contains("validateOperationSummary"));
        rules.setValidateModelPropertiesExample(!NOT_YET_CHECKED.contains("validateModelPropertiesExample"));
        rules.setValidateModelPropertiesDescription(!NOT_YET_CHECKED.contains("validateModelPropertiesDescription"));
        rules.setValidateModelRequiredProperties(!NOT_YET_CHECKED.contains("validateModelRequiredProperties"));
        rules.setValidateModelNoLocalDef(!NOT_YET_CHECKED.contains("validateModelNoLocalDef"));
        rules.setValidateNaming(!NOT_YET_CHECKED.contains("validateNaming"));
        // the one default we change: HTTP headers are spelt Hyphen-Upper-Case (Content-Type, Stripe-Signature, set by
        // partners), not the library's UNDERSCORE_UPPER_CASE, which no HTTP header uses
        rules.setHeaderNamingConvention(ValidatorParameters.NamingConvention.HyphenUpperCase);
        return rules;
    }
}
