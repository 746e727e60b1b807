package uk.alluris.records.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.problem.ProblemException;

class ImageSanitisingUnitTest {

    private final ImageSanitising sanitising = new ImageSanitising(1_000_000, 64);

    @Test
    void aJpegWithGpsExifComesOutWithoutAnyOfItsMetadata() {
        byte[] upload = TestImages.jpegWithGpsExif(120, 80);
        assertThat(TestImages.hasApp1(upload)).isTrue();
        assertThat(TestImages.read(upload).getWidth()).isEqualTo(120);

        ImageSanitising.CleanImage clean = sanitising.clean(upload);

        assertThat(clean.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(TestImages.hasApp1(clean.bytes())).isFalse();
        assertThat(TestImages.contains(clean.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(TestImages.contains(clean.bytes(), TestImages.GPS_MARK.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(TestImages.read(clean.bytes())).extracting(image -> image.getWidth() + "x" + image.getHeight())
                .isEqualTo("120x80");
    }

    @Test
    void theFormatIsJudgedByContentSoTextCalledAJpegIsRefused() {
        assertThatThrownBy(() -> sanitising.clean("GIF89a pretending".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.getStatusCode().value())
                        .isEqualTo(415));
    }

    @Test
    void aHeaderDeclaringMorePixelsThanAllowedIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> sanitising.clean(TestImages.pngDeclaring(50_000, 50_000)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.getStatusCode().value())
                        .isEqualTo(413));
    }

    @Test
    void aTruncatedImageIsABadRequestNotACrash() {
        byte[] whole = TestImages.png(40, 40);
        byte[] truncated = java.util.Arrays.copyOf(whole, 40);
        assertThatThrownBy(() -> sanitising.clean(truncated))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.getStatusCode().value())
                        .isEqualTo(400));
    }

    @Test
    void theThumbnailFitsItsEdgeAndTheCropKeepsOnlyTheChosenRegion() {
        ImageSanitising.CleanImage clean = sanitising.clean(TestImages.png(200, 100));

        assertThat(TestImages.read(sanitising.thumbnail(clean))).extracting(image -> image.getWidth() + "x"
                + image.getHeight()).isEqualTo("64x32");
        assertThat(TestImages.read(sanitising.crop(clean, new Region(10, 20, 30, 40))))
                .extracting(image -> image.getWidth() + "x" + image.getHeight()).isEqualTo("30x40");
        assertThatThrownBy(() -> sanitising.crop(clean, new Region(190, 0, 30, 10)))
                .isInstanceOf(ProblemException.class);
    }
}
