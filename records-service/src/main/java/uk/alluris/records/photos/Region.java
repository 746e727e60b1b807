package uk.alluris.records.photos;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A rectangle of a photo, in pixels from its top-left corner: the part an anonymised derivative keeps. */
record Region(@NotNull @Min(0) @Max(100_000) Integer x, @NotNull @Min(0) @Max(100_000) Integer y,
        @NotNull @Min(1) @Max(100_000) Integer width, @NotNull @Min(1) @Max(100_000) Integer height) {

    boolean within(int imageWidth, int imageHeight) {
        return x + width <= imageWidth && y + height <= imageHeight;
    }
}
