package uk.alluris.kit.problem;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A date or time in a query or path ({@code ?date=1800-01-01}, {@code ?from=2200-01-01T00:00:00Z}) must be as plausible
 * as one in a body: between {@value TimesAsText#EARLIEST} and {@value TimesAsText#LATEST}. Every argument resolver of
 * every controller is wrapped once here, so no service has to remember the check; an implausible value is a type
 * mismatch, answered as a 400 naming the parameter and the range, never the value.
 */
final class PlausibleTimeParameters implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            List<HandlerMethodArgumentResolver> checked = adapter.getArgumentResolvers().stream()
                    .<HandlerMethodArgumentResolver>map(Checked::new).toList();
            adapter.setArgumentResolvers(checked);
        }
        return bean;
    }

    private record Checked(HandlerMethodArgumentResolver resolver) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return resolver.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
            Object argument = resolver.resolveArgument(parameter, container, request, binders);
            Object value = argument instanceof Optional<?> optional ? optional.orElse(null) : argument;
            if (TimesAsText.isTime(value) && !TimesAsText.plausible(value)) {
                throw new MethodArgumentTypeMismatchException(null, value.getClass(), name(parameter), parameter, null);
            }
            return argument;
        }

        /** The name the caller used: the annotation's where it gives one, else the Java parameter's. */
        private static String name(MethodParameter parameter) {
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            if (query != null && !query.name().isEmpty()) {
                return query.name();
            }
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            return path != null && !path.name().isEmpty() ? path.name() : parameter.getParameterName();
        }
    }
}
