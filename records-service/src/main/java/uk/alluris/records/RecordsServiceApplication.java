package uk.alluris.records;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Records: clinical records, encrypted per subject. */
@SpringBootApplication
public class RecordsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecordsServiceApplication.class, args);
    }
}
