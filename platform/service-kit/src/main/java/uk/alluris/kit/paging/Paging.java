package uk.alluris.kit.paging;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * One page of a list endpoint's answer, from its {@code page} (from 0) and {@code size} query parameters (defaults 0
 * and {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}); a bad value is a 400 problem naming the parameter and what
 * it allows. Declare it as a handler method parameter and return {@link #of} the full list: the body stays a JSON
 * array (so callers that never page keep working), and the headers {@value #TOTAL}, {@value #PAGE} and
 * {@value #SIZE} say where the page lies.
 */
public final class Paging {

    /** The most, too: a caller that never pages (the web pages, a day's diary) still gets every entry it did. */
    public static final int DEFAULT_SIZE = 200;
    public static final int MAX_SIZE = 200;
    public static final String TOTAL = "X-Total-Count";
    public static final String PAGE = "X-Page";
    public static final String SIZE = "X-Page-Size";

    private final int page;
    private final int size;
    private final HttpServletResponse response;

    Paging(int page, int size, HttpServletResponse response) {
        this.page = page;
        this.size = size;
        this.response = response;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /** This page of {@code all}, with the paging headers set. */
    public <T> List<T> of(List<T> all) {
        if (response != null) {
            response.setHeader(TOTAL, String.valueOf(all.size()));
            response.setHeader(PAGE, String.valueOf(page));
            response.setHeader(SIZE, String.valueOf(size));
        }
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
    }
}
