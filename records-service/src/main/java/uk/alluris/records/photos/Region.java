package uk.alluris.records.photos;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A rectangle of a photo, in pixels from its top-left corner: the part an anonymised derivative keeps. */
record Region(
        @Schema(description = "Left edge, in pixels from the photo's left (0 to 100,000)", example = "120")
        @NotNull @Min(0) @Max(100_000) Integer x,
        @Schema(description = "Top edge, in pixels from the photo's top (0 to 100,000)", example = "80")
        @NotNull @Min(0) @Max(100_000) Integer y,
        @Schema(description = "Width in pixels (1 to 100,000); x + width must not pass the photo's width",
                example = "640") @NotNull @Min(1) @Max(100_000) Integer width,
        @Schema(description = "Height in pixels (1 to 100,000); y + height must not pass the photo's height",
                example = "480") @NotNull @Min(1) @Max(100_000) Integer height) {

    boolean within(int imageWidth, int imageHeight) {
        return x + width <= imageWidth && y + height <= imageHeight;
    }
}
