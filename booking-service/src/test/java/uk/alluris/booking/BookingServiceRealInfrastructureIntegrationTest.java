package uk.alluris.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import uk.alluris.booking.testing.ContestedSlot;
import uk.alluris.testsupport.RealInfrastructureChecks;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;

@Testcontainers(disabledWithoutDocker = true)
class BookingServiceRealInfrastructureIntegrationTest extends RealInfrastructureChecks {

    /** Tokens as the gateway issues them, verified against the test's JWKS, so the API can be called for real. */
    @DynamicPropertySource
    static void testTokens(DynamicPropertyRegistry registry) {
        registry.add("alluris.security.jwks-uri", TestTokens.get()::jwksUri);
    }

    /** The slot claims' unique {@code _id} holds on a real MongoDB replica set as on the embedded store. */
    @Test
    void tenCallersBookingTheSameSlotAtOnceOnRealMongoDbGetExactlyOneAppointmentAndNineConflicts() throws Exception {
        List<Integer> statuses = ContestedSlot.bookedAtOnce(ServiceCalls.onPort(port));

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(ContestedSlot.CALLERS - 1);
    }
}
