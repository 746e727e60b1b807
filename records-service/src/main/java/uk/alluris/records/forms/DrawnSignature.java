package uk.alluris.records.forms;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * A signature drawn on a portal page or clinic tablet, sent as a PNG data URL ({@code data:image/png;base64,...}): a
 * PNG by its magic bytes, at most {@link #MAX_BYTES} bytes and {@link #MAX_PIXELS} pixels as its header declares
 * them (checked before decoding).
 */
record DrawnSignature(byte[] png, BufferedImage image) {

    static final String PREFIX = "data:image/png;base64,";
    static final int MAX_BYTES = 200_000;
    static final long MAX_PIXELS = 2_000_000;
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    static DrawnSignature of(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith(PREFIX)) {
            throw invalid("signature: a PNG data URL starting " + PREFIX);
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(dataUrl.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw invalid("signature: the data URL's content is not base64");
        }
        if (png.length > MAX_BYTES || png.length < PNG.length || !Arrays.equals(png, 0, PNG.length, PNG, 0, PNG.length)) {
            throw invalid("signature: a PNG image of at most " + MAX_BYTES + " bytes");
        }
        return new DrawnSignature(png, decode(png));
    }

    private static BufferedImage decode(byte[] png) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw invalid("signature: at most " + MAX_PIXELS + " pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ProblemException problem) {
                throw problem;
            }
            throw invalid("signature: the PNG cannot be decoded");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
