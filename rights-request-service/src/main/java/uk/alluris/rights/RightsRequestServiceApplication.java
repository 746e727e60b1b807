package uk.alluris.rights;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Rights requests: verification, deadlines, fan-out, receipts, export bundles and evidence. Its jobs (chasing silent
 * services, bundle notices and expiry) run on Spring's scheduler; every feature reads the time from one clock.
 */
@SpringBootApplication
@EnableScheduling
public class RightsRequestServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RightsRequestServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
