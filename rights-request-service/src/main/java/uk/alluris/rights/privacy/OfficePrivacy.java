package uk.alluris.rights.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.rights.complaints.ComplaintPrivacy;
import uk.alluris.rights.disclosures.DisclosurePrivacy;
import uk.alluris.rights.request.OfficeRecordsPrivacy;

/** The privacy office's own records under a request: composes each aggregate's handling, one receipt line each. */
@Component
class OfficePrivacy implements OfficeRecordsPrivacy {

    private final DisclosurePrivacy disclosures;
    private final ComplaintPrivacy complaints;

    OfficePrivacy(DisclosurePrivacy disclosures, ComplaintPrivacy complaints) {
        this.disclosures = disclosures;
        this.complaints = complaints;
    }

    @Override
    public List<CategoryOutcome> act(Person person, Instant now) {
        return Stream.of(disclosures.act(person, now), complaints.act(person, now)).flatMap(java.util.Optional::stream)
                .toList();
    }

    @Override
    public Map<String, List<?>> export(Person person) {
        Map<String, List<?>> records = new LinkedHashMap<>();
        records.put(DisclosurePrivacy.CATEGORY, disclosures.export(person));
        records.put(ComplaintPrivacy.CATEGORY, complaints.export(person));
        return records;
    }
}
