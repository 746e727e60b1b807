package uk.alluris.kit.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every service's OpenAPI document says the same way, so integrators read one convention: the bearer token
 * (a JWT from the gateway's sign-in, or the clinic's identity provider) on every operation but the signed webhooks,
 * a summary on every operation (the handler's name, which by the platform's style says the process, where no
 * {@code @Operation} summary is written), and the RFC 9457 problem every error answer carries.
 */
public class PlatformApiConventions implements OpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    /** On an operation whose parameter names an outside standard or partner fixes; its value names which one. */
    public static final String NAMES_FIXED_BY = "x-names-fixed-by";

    private final String service;
    private final Contact contact;
    private final License licence;

    /** @param contact the controller named in the register of processing; @param licence from alluris.api-docs */
    PlatformApiConventions(String service, Contact contact, License licence) {
        this.service = service;
        this.contact = contact;
        this.licence = licence;
    }

    @Override
    public void customise(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        api.info(info.title("Alluris " + service).version(info.getVersion() == null ? "1" : info.getVersion())
                .description("The " + service + " API of the Alluris platform, reached through the gateway.")
                .contact(contact).license(licence));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("a token from the gateway's sign-in (staff or client)"))
                .addSchemas(PROBLEM, problemSchema()));
        api.security(List.of(new SecurityRequirement().addList(BEARER)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            // names fixed by a standard or a partner are not ours to spell, so the linter's naming rules skip them: a
            // well-known URI (RFC 8615, e.g. jwks.json) or an operation marked with the standard that fixes its names
            if (path.startsWith("/.well-known/") || item.readOperations().stream().anyMatch(
                    operation -> operation.getExtensions() != null && operation.getExtensions().containsKey(NAMES_FIXED_BY))) {
                item.addExtension("x-style-validator-ignored", true);
            }
            item.readOperationsMap().forEach((method, operation) -> conventions(path, method, operation));
        });
    }

    private static void conventions(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(OperationSummaries.of(operation.getOperationId(), method.name(), path));
        }
        boolean webhook = path.startsWith("/webhooks/");
        if (webhook) {
            // partners sign webhooks instead of sending a token (the receiving service checks the signature)
            operation.setSecurity(List.of());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problem(responses, "400", "the request is malformed or a value is not allowed (the problem names the field)");
        if (!webhook) {
            problem(responses, "401", "no valid bearer token");
            problem(responses, "403", "the token's roles do not allow this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "nothing with this id (or not yours)");
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(responses);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details; members are never null");
        problem.properties(Map.of(
                "type", new StringSchema().format("uri").description("what kind of problem").example("about:blank"),
                "title", new StringSchema().description("a short summary of the kind of problem")
                        .example("Bad Request"),
                "status", new IntegerSchema().description("the HTTP status").example(400),
                "detail", new StringSchema().description("what went wrong with this request, naming the field and "
                        + "what is allowed").example("size: must be between 1 and 100"),
                "instance", new StringSchema().format("uri-reference").description("the request's path")
                        .example("/api/outbox/parked")));
        problem.required(List.of("title", "status"));
        return problem;
    }
}
