package io.mychecks.http.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mychecks.core.logging.Redactor;

/** {@code %ex} with secrets taken out of exception messages ({@link Redactor}). */
public final class RedactedThrowable extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.redact(super.convert(event));
    }
}
