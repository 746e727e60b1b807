package uk.alluris.kit.paging;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import uk.alluris.kit.problem.ProblemException;

/** Reads {@code page} and {@code size} for a {@link Paging} parameter; refuses what is not a page. */
class PagingResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Paging.class;
    }

    @Override
    public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        int page = number(request.getParameter("page"), 0, 0, Integer.MAX_VALUE / Paging.MAX_SIZE, "page",
                "page must be a whole number, 0 or more");
        int size = number(request.getParameter("size"), Paging.DEFAULT_SIZE, 1, Paging.MAX_SIZE, "size",
                "size must be a whole number between 1 and " + Paging.MAX_SIZE);
        return new Paging(page, size, request.getNativeResponse(HttpServletResponse.class));
    }

    private static int number(String given, int absent, int least, int most, String name, String allowed) {
        if (given == null || given.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(given);
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as a number out of range
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad " + name, allowed);
    }
}
