package io.mychecks.http.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mychecks.core.logging.Redactor;

/**
 * {@code %msg} with secrets taken out ({@link Redactor}), for every logger, ours and the libraries'
 * (Undertow names the request path of a failed exchange, and paths carry check UUIDs).
 */
public final class RedactedMessage extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.redact(event.getFormattedMessage());
    }
}
