package uk.alluris.kit.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.events.ClientRegistered;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;

@RestController
class ParcelController {

    record Recipient(@NotBlank String name, @NotBlank @Email String email, String phone) {
    }

    enum Kind { GIVEN, WITHDRAWN }

    record Decision(@NotNull Boolean granted, @NotNull Instant recordedAt, @NotNull Kind kind) {
    }

    private final BlindIndexer indexer;
    private final Parcels parcels;

    ParcelController(BlindIndexer indexer, Parcels parcels) {
        this.indexer = indexer;
        this.parcels = parcels;
    }

    /** Registers a parcel's subject: an event saved with the change, within the request's trace. */
    @PostMapping("/parcels/{id}")
    String register(@PathVariable String id) {
        ClientRegistered event = new ClientRegistered(java.util.UUID.randomUUID(), id, null, null, Instant.now());
        parcels.save(new Parcel(id, "registered").record(event));
        return event.eventId().toString();
    }

    @PostMapping("/recipients")
    String add(@Valid @RequestBody Recipient recipient) {
        return recipient.phone() == null ? indexer.email(recipient.email()) : indexer.phone(recipient.phone());
    }

    @GetMapping("/recipients/{id}")
    String find(@PathVariable String id) {
        throw ProblemException.notFound("recipient");
    }

    @GetMapping("/recipients")
    String search(@RequestParam String email) {
        throw ProblemException.notFound("recipient");
    }

    @PostMapping("/decisions")
    Decision decide(@Valid @RequestBody Decision decision) {
        return decision;
    }

    @GetMapping("/decisions")
    Kind kind(@RequestParam Kind status) {
        return status;
    }

    /** A day's diary, as booking's is asked for one: an ISO date in the query. */
    @GetMapping("/diary")
    String diary(@RequestParam("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return day.toString();
    }

    /** Free slots between two instants, as booking's availability is asked for them. */
    @GetMapping("/slots")
    String slots(@RequestParam OffsetDateTime from, @RequestParam(required = false) Optional<Instant> to) {
        return from + " " + to.map(Instant::toString).orElse("open");
    }

    /** A list endpoint of 250 numbers, paged as every service's list endpoints are. */
    @GetMapping("/numbers")
    List<Integer> numbers(Paging paging) {
        return paging.of(IntStream.range(0, 250).boxed().toList());
    }

    @GetMapping("/boom")
    String boom() {
        throw new IllegalStateException("database at mongodb://10.0.0.1 exploded for jane@example.com");
    }
}
