package uk.alluris.kit.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A refusal is a problem body whatever the caller's {@code Accept} says. Spring writes no body at all for a 4xx or 5xx
 * whose problem the caller did not accept ({@code Accept: application/xml}, or an {@code Accept} that does not parse):
 * so problem JSON is added as the least wanted type every caller accepts, and an unreadable {@code Accept} is read as
 * asking for problem JSON only. What a caller asked for first still decides every answer that can be given that way.
 */
class ProblemsWhateverTheAccept extends OncePerRequestFilter implements Ordered {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        chain.doFilter(accept == null || accept.isBlank() ? request : new Accepting(request, widened(accept)), response);
    }

    static String widened(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return accept + ", " + PROBLEM + ";q=0.001";
        } catch (IllegalArgumentException unreadable) { // InvalidMediaTypeException among them
            return PROBLEM;
        }
    }

    private static final class Accepting extends HttpServletRequestWrapper {

        private final String accept;

        Accepting(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
