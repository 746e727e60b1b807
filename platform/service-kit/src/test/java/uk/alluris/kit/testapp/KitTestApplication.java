package uk.alluris.kit.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the kit, to prove its auto-configuration end to end. */
@SpringBootApplication
public class KitTestApplication {
}
