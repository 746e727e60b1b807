package uk.alluris.records.photos;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a clinical photo may be: {@code maxUpload} bytes as sent (the multipart limit is set from it too),
 * {@code maxPixels} as its header declares them (checked before decoding: a small file can declare a huge image), and
 * the longer edge of its thumbnail.
 */
@ConfigurationProperties("alluris.records.photos")
record PhotoLimits(DataSize maxUpload, long maxPixels, int thumbnailEdge) {
}
