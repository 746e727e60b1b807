package uk.alluris.rights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Rights requests: verification, deadlines, fan-out, receipts and evidence. */
@SpringBootApplication
public class RightsRequestServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RightsRequestServiceApplication.class, args);
    }
}
