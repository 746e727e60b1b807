package uk.alluris.marketing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Marketing: subscribers, lists, leads, campaigns and the suppression list. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(MarketingProperties.class)
public class MarketingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketingServiceApplication.class, args);
    }
}
