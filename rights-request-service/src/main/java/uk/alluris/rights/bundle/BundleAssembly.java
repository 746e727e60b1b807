package uk.alluris.rights.bundle;

import com.google.crypto.tink.KeysetHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.ServiceAnswer;

/**
 * Assembles a bundle on demand from its sealed parts and the request's private key; nothing opened is stored.
 * <pre>
 * index.json                      which request, when, and per service its file and category counts
 * summary.html                    the human-readable page, with the supplementary information
 * &lt;service&gt;.json                  one per service: its export (alluris-export/v1) as received, pretty-printed
 * privacy-office.json             the privacy office's own records of the person: disclosures (none recorded under an
 *                                 exemption) and complaints with their answers; only when there are any
 * schemas/alluris-export-v1.schema.json, schemas/index-v1.schema.json   the structure of the two kinds of JSON file
 * </pre>
 */
final class BundleAssembly {

    static final String CONTROLLER = "Dr Alluris Aesthetics Ltd";
    static final String INDEX_FORMAT = "alluris-bundle-index/v1";
    static final String EXPORT_FORMAT = "alluris-export/v1";
    static final String OFFICE_FILE = "privacy-office.json";
    static final String OFFICE_FORMAT = "alluris-privacy-office/v1";
    static final List<String> SCHEMAS = List.of("alluris-export-v1.schema.json", "index-v1.schema.json");
    private static final JsonMapper READ = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BundleAssembly() {
    }

    /** The parts, opened, in the order of the services' names; a service that sent no export has none. */
    static List<ServiceExport> open(PrivacyRequest request, KeysetHandle key, List<BundlePart> parts) {
        Map<String, BundlePart> byService = parts.stream()
                .collect(Collectors.toMap(part -> part.service, Function.identity(), (a, b) -> b));
        List<ServiceExport> services = new ArrayList<>();
        request.answers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String service = entry.getKey();
            ServiceAnswer answer = entry.getValue();
            BundlePart part = byService.get(service);
            JsonNode export = null;
            if (part != null) {
                try {
                    export = READ.readTree(ExportSeal.open(key, part.sealedExport, request.id(), service));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the stored export of " + service + " for request " + request.id()
                            + " does not open", e);
                }
            }
            services.add(new ServiceExport(service, export == null ? null : fileName(service), answer.answeredAt(),
                    answer.receipt() == null ? List.of() : answer.receipt(), export));
        });
        return services;
    }

    /** @param office the privacy office's own records of the person, by category ({@code OfficeRecordsPrivacy#export}) */
    static byte[] zip(PrivacyRequest request, Bundle bundle, String preparedFor, List<ServiceExport> services,
            Map<String, List<?>> office, Instant now, String supplementary) {
        boolean officeHolds = office.values().stream().anyMatch(records -> !records.isEmpty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            Map<String, Object> index = index(request, bundle, services, now);
            if (officeHolds) {
                @SuppressWarnings("unchecked")
                Map<String, Object> files = (Map<String, Object>) index.get("files");
                files.put("privacyOffice", OFFICE_FILE);
                Map<String, Object> records = new LinkedHashMap<>();
                records.put("format", OFFICE_FORMAT);
                records.putAll(office);
                entry(zip, OFFICE_FILE, PRETTY.writeValueAsBytes(records));
            }
            entry(zip, "index.json", PRETTY.writeValueAsBytes(index));
            entry(zip, "summary.html", SummaryPage.render(new SummaryPage.About(request.id().toString(),
                    request.type().name(), preparedFor, request.receivedAt(), request.verifiedAt(),
                    bundle.readyAt, bundle.expiresAt, now), services, supplementary)
                    .getBytes(StandardCharsets.UTF_8));
            for (ServiceExport service : services) {
                if (service.export() != null) {
                    entry(zip, service.file(), PRETTY.writeValueAsBytes(service.export()));
                }
            }
            for (String schema : SCHEMAS) {
                entry(zip, "schemas/" + schema, schema(schema));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Object> index(PrivacyRequest request, Bundle bundle, List<ServiceExport> services,
            Instant now) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("format", INDEX_FORMAT);
        index.put("controller", CONTROLLER);
        index.put("requestId", request.id().toString());
        index.put("requestType", request.type().name());
        index.put("receivedAt", text(request.receivedAt()));
        index.put("verifiedAt", text(request.verifiedAt()));
        index.put("dueDate", request.dueDate() == null ? null : request.dueDate().toString());
        index.put("readyAt", text(bundle.readyAt));
        index.put("expiresAt", text(bundle.expiresAt));
        index.put("generatedAt", text(now));
        index.put("dataHeld", !services.stream().allMatch(ServiceExport::holdsNothing));
        List<Map<String, Object>> listed = new ArrayList<>();
        for (ServiceExport service : services) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("service", service.service());
            entry.put("file", service.file());
            entry.put("format", service.export() == null || !service.export().path("format").isString() ? null
                    : service.export().path("format").asString());
            entry.put("answeredAt", text(service.answeredAt()));
            entry.put("records", service.recordCount());
            List<Map<String, Object>> categories = new ArrayList<>();
            for (CategoryOutcome line : service.categories()) {
                Map<String, Object> category = new LinkedHashMap<>();
                category.put("category", line.category());
                category.put("outcome", line.outcome().name());
                category.put("count", line.count());
                categories.add(category);
            }
            entry.put("categories", categories);
            listed.add(entry);
        }
        index.put("services", listed);
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("summary", "summary.html");
        files.put("schemas", SCHEMAS.stream().map(schema -> "schemas/" + schema).toList());
        index.put("files", files);
        return index;
    }

    /** {@code booking-service} → {@code booking-service.json}; anything but letters, digits, dot and dash is replaced. */
    static String fileName(String service) {
        String name = service.replaceAll("[^A-Za-z0-9.-]", "_") + ".json";
        return name.equals("index.json") ? "service-index.json" : name;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static byte[] schema(String name) {
        try (InputStream in = BundleAssembly.class.getClassLoader().getResourceAsStream("bundle-schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
