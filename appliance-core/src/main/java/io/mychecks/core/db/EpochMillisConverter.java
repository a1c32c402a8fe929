package io.mychecks.core.db;

import java.time.Instant;
import org.jooq.impl.AbstractConverter;

/** Converts the schema's epoch-millisecond BIGINT columns to {@link Instant} and back. */
public final class EpochMillisConverter extends AbstractConverter<Long, Instant> {
    private static final long serialVersionUID = 1L;

    public EpochMillisConverter() {
        super(Long.class, Instant.class);
    }

    @Override
    public Instant from(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public Long to(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
