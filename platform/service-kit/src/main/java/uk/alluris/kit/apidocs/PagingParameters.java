package uk.alluris.kit.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.web.method.HandlerMethod;
import uk.alluris.kit.paging.Paging;

/**
 * A handler that takes the kit's {@link Paging} reads the optional {@code page} and {@code size} query parameters and
 * answers with the paging headers; springdoc would otherwise document the argument itself as a required, empty
 * {@code paging} object. This says what the caller really sends and receives.
 */
class PagingParameters implements OperationCustomizer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Paging.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).noneMatch(p -> p.getParameterType() == Paging.class)) {
            return operation;
        }
        operation.addParametersItem(new Parameter().in("query").name("page").required(false)
                .description("which page of the list, counted from 0")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0).example(0)));
        operation.addParametersItem(new Parameter().in("query").name("size").required(false)
                .description("how many entries a page holds, 1 to " + Paging.MAX_SIZE)
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Paging.MAX_SIZE))
                        ._default(Paging.DEFAULT_SIZE).example(50)));
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok != null) {
            ok.addHeaderObject(Paging.TOTAL, header("how many entries the whole list holds", 137));
            ok.addHeaderObject(Paging.PAGE, header("the page answered, counted from 0", 0));
            ok.addHeaderObject(Paging.SIZE, header("the page size applied", 50));
        }
        return operation;
    }

    private static Header header(String description, int example) {
        return new Header().description(description).schema(new IntegerSchema().example(example));
    }
}
