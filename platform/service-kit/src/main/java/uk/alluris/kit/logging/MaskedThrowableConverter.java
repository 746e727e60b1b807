package uk.alluris.kit.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/** Stack traces with personal data in exception messages masked, set apart by blank lines as Boot's {@code %wEx}. */
public class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return CoreConstants.LINE_SEPARATOR + PersonalDataMasking.mask(super.throwableProxyToString(proxy))
                + CoreConstants.LINE_SEPARATOR;
    }
}
