package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkUnitTest {

    private static final String REPORT = """
            Running 10s test @ http://127.0.0.1:8080/api/bookings/clients/42
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.41ms    1.20ms  20.00ms   80.00%
                Req/Sec     3.30k   200.00     3.80k    70.00%
              Latency Distribution
                 50%  850.00us
                 75%    2.80ms
                 90%    3.50ms
                 99%    1.02s
              65432 requests in 10.00s, 30.00MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 12
            Requests/sec:   6543.20
            Transfer/sec:      3.00MB
            """;

    @Test
    void aLatencyReportGivesRequestsSecondsPercentilesInMillisecondsAndEveryKindOfError() {
        Wrk.Run run = Wrk.parse("gateway", REPORT);

        assertThat(run.requests()).isEqualTo(65432);
        assertThat(run.seconds()).isEqualTo(10.0);
        assertThat(run.throughput()).isEqualTo(6543.2);
        assertThat(run.p50Ms()).isEqualTo(0.85);
        assertThat(run.p99Ms()).isEqualTo(1020.0);
        assertThat(run.errors()).isEqualTo(15);
    }

    @Test
    void twoRoundsOfARouteAddTheirCountsAndKeepTheWorsePercentiles() {
        Wrk.Run first = new Wrk.Run("nginx", 1000, 0, 5, 1.0, 4.0);
        Wrk.Run second = new Wrk.Run("nginx", 3000, 2, 5, 2.0, 3.0);

        Wrk.Run both = first.and(second);

        assertThat(both.throughput()).isEqualTo(400.0);
        assertThat(both.errors()).isEqualTo(2);
        assertThat(both.p50Ms()).isEqualTo(2.0);
        assertThat(both.p99Ms()).isEqualTo(4.0);
    }

    @Test
    void outputThatIsNoWrkReportIsRefusedNamingWhatCameBack() {
        assertThatThrownBy(() -> Wrk.parse("direct", "unable to connect to 127.0.0.1:8081 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Connection refused");
    }
}
