package uk.alluris.records.photos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * Makes an uploaded photo safe to keep: only JPEG or PNG by their magic bytes; the pixel count read from the header
 * and refused above the limit before anything is decoded (a decompression bomb never gets its memory); then decoded
 * and encoded afresh, which leaves every metadata block behind — EXIF with its GPS position and camera serial, XMP,
 * IPTC, comments, PNG text chunks. Thumbnails and anonymised crops are made from the clean pixels.
 */
final class ImageSanitising {

    /** A photo decoded and encoded again: nothing but pixels. */
    record CleanImage(ImageFormat format, byte[] bytes, int width, int height) {
    }

    static {
        // decode in memory only: no temporary files holding a clinical image
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;
    private final int thumbnailEdge;

    ImageSanitising(long maxPixels, int thumbnailEdge) {
        this.maxPixels = maxPixels;
        this.thumbnailEdge = thumbnailEdge;
    }

    CleanImage clean(byte[] upload) {
        ImageFormat format = ImageFormat.of(upload).orElseThrow(() -> refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Not a JPEG or PNG image", "file: only JPEG or PNG images are accepted (judged by content, not name)"));
        BufferedImage pixels = decode(upload, format);
        byte[] encoded = encode(pixels, format);
        return new CleanImage(format, encoded, pixels.getWidth(), pixels.getHeight());
    }

    /** A JPEG no larger than the thumbnail edge on its longer side. */
    byte[] thumbnail(CleanImage image) {
        BufferedImage pixels = decode(image.bytes(), image.format());
        double scale = Math.min(1.0, (double) thumbnailEdge / Math.max(pixels.getWidth(), pixels.getHeight()));
        int width = Math.max(1, (int) Math.round(pixels.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(pixels.getHeight() * scale));
        return encode(draw(pixels, 0, 0, pixels.getWidth(), pixels.getHeight(), width, height, false),
                ImageFormat.JPEG);
    }

    /** The region the clinician chose, and nothing else of the photo, as a new image of the same format. */
    byte[] crop(CleanImage image, Region region) {
        BufferedImage pixels = decode(image.bytes(), image.format());
        if (!region.within(pixels.getWidth(), pixels.getHeight())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "region: must lie within the photo's "
                    + pixels.getWidth() + " x " + pixels.getHeight() + " pixels");
        }
        return encode(draw(pixels, region.x(), region.y(), region.width(), region.height(), region.width(),
                region.height(), image.format() == ImageFormat.PNG && pixels.getColorModel().hasAlpha()),
                image.format());
    }

    private BufferedImage decode(byte[] content, ImageFormat format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw refused(HttpStatus.CONTENT_TOO_LARGE, "Image too large",
                            "file: at most " + maxPixels + " pixels (this one has " + pixels + ")");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ProblemException problem) {
                throw problem;
            }
            throw refused(HttpStatus.BAD_REQUEST, "Unreadable image", "file: the " + format.name()
                    + " image cannot be decoded");
        }
    }

    private static byte[] encode(BufferedImage image, ImageFormat format) {
        // JPEG has no alpha, and ImageIO writes some decoded layouts wrongly: JPEG always from plain RGB pixels
        BufferedImage writable = format == ImageFormat.JPEG && image.getType() != BufferedImage.TYPE_INT_RGB
                ? draw(image, 0, 0, image.getWidth(), image.getHeight(), image.getWidth(), image.getHeight(), false)
                : image;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(writable, format.imageIoName, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a " + format + " image in memory", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage draw(BufferedImage source, int x, int y, int width, int height, int toWidth,
            int toHeight, boolean alpha) {
        BufferedImage target = new BufferedImage(toWidth, toHeight,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, toWidth, toHeight, x, y, x + width, y + height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static ProblemException refused(HttpStatus status, String title, String detail) {
        return new ProblemException(status, title, detail);
    }
}
