package uk.alluris.records.photos;

import java.util.Arrays;
import java.util.Optional;

/** The two image formats a clinical photo may arrive in, recognised by their first bytes, never by a declared type. */
enum ImageFormat {

    JPEG("jpeg", "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    PNG("png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

    final String imageIoName;
    final String mediaType;
    private final byte[] magic;

    ImageFormat(String imageIoName, String mediaType, byte[] magic) {
        this.imageIoName = imageIoName;
        this.mediaType = mediaType;
        this.magic = magic;
    }

    static Optional<ImageFormat> of(byte[] content) {
        return Arrays.stream(values()).filter(format -> content.length >= format.magic.length
                && Arrays.equals(content, 0, format.magic.length, format.magic, 0, format.magic.length)).findFirst();
    }
}
