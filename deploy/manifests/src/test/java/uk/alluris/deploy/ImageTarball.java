package uk.alluris.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image configuration inside one OCI image tarball as Jib's buildTar writes it: index.json names the manifest,
 * the manifest names the config blob. Read with a plain tar reader; the layers are skipped, never unpacked.
 */
final class ImageTarball {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SMALL = 1 << 20;

    private ImageTarball() {
    }

    /** The "config" member of the image's configuration: Entrypoint, User, ExposedPorts, Env, Labels. */
    static JsonNode containerConfig(Path tarball) throws IOException {
        Map<String, byte[]> small = smallEntries(tarball);
        JsonNode index = JSON.readTree(entry(small, "index.json"));
        JsonNode manifest = JSON.readTree(blob(small, index.path("manifests").path(0).path("digest").asString()));
        JsonNode image = JSON.readTree(blob(small, manifest.path("config").path("digest").asString()));
        return image.path("config");
    }

    private static byte[] blob(Map<String, byte[]> small, String digest) {
        return entry(small, "blobs/" + digest.replace(':', '/'));
    }

    private static byte[] entry(Map<String, byte[]> small, String name) {
        byte[] content = small.get(name);
        if (content == null) {
            throw new AssertionError("no " + name + " in the image tarball (entries: " + small.keySet() + ")");
        }
        return content;
    }

    private static Map<String, byte[]> smallEntries(Path tarball) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (size <= SMALL) {
                    entries.put(name, in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return entries;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
