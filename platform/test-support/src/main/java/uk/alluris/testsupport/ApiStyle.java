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
 * (recommended) rules, every one of them, with one changed convention: HTTP header names (docs/observability.md, "The
 * linter").
 */
public final class ApiStyle {

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
        // the one default we change: HTTP headers are spelt Hyphen-Upper-Case (Content-Type, Stripe-Signature, set by
        // partners), not the library's UNDERSCORE_UPPER_CASE, which no HTTP header uses
        rules.setHeaderNamingConvention(ValidatorParameters.NamingConvention.HyphenUpperCase);
        return rules;
    }
}
