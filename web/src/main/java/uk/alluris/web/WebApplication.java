package uk.alluris.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The staff dashboard: server-rendered pages reached only through the gateway. It owns no personal data; every page
 * asks the service that owns the data, with the signed-in person's own token, so each service keeps its own rules.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
