package uk.alluris.kit.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %m}, with personal data masked. Registered in the kit's logback-spring.xml. */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasking.mask(super.convert(event));
    }
}
