package uk.alluris.web.pages;

import java.util.List;

/**
 * One page of a list (every list staff see is paged; the services answer whole lists today, so the page is cut here).
 *
 * @param number 1-based
 */
public record Paged<T>(List<T> items, int number, int size, int total) {

    public static final int SIZE = 20;

    public static <T> Paged<T> of(List<T> all, int requested) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int number = Math.min(Math.max(1, requested), pages);
        int from = (number - 1) * SIZE;
        return new Paged<>(List.copyOf(all.subList(from, Math.min(all.size(), from + SIZE))), number, SIZE, all.size());
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }
}
