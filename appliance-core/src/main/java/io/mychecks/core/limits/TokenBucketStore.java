package io.mychecks.core.limits;

import static io.mychecks.core.db.schema.Tables.TOKEN_BUCKETS;

import io.mychecks.core.db.Database;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** The {@code token_buckets} rows of the rate limits (pruned by {@code prunetokenbucket}). */
public final class TokenBucketStore {

    /** A bucket's level (1.0 full) when it was last written. */
    public record Level(double tokens, Instant updated) {}

    /**
     * Adds the bucket, full, unless it exists: done first, so that two first attempts at once queue
     * on the row instead of both finding none.
     */
    public void addIfMissing(DSLContext ctx, String key, Instant now) {
        ctx.insertInto(TOKEN_BUCKETS)
                .set(TOKEN_BUCKETS.VALUE, key)
                .set(TOKEN_BUCKETS.TOKENS, 1.0)
                .set(TOKEN_BUCKETS.UPDATED, now)
                .onConflictDoNothing()
                .execute();
    }

    /** The bucket's level, locked until the transaction ends on PostgreSQL; empty if none. */
    public Optional<Level> findForUpdate(DSLContext ctx, String key) {
        var q =
                ctx.select(TOKEN_BUCKETS.TOKENS, TOKEN_BUCKETS.UPDATED)
                        .from(TOKEN_BUCKETS)
                        .where(TOKEN_BUCKETS.VALUE.eq(key));
        return (Database.isPostgres(ctx) ? q.forUpdate() : q)
                .fetchOptional(r -> new Level(r.value1(), r.value2()));
    }

    /** Writes the bucket's level (an insert the first time). */
    public void save(DSLContext ctx, String key, Level level) {
        ctx.insertInto(TOKEN_BUCKETS)
                .set(TOKEN_BUCKETS.VALUE, key)
                .set(TOKEN_BUCKETS.TOKENS, level.tokens())
                .set(TOKEN_BUCKETS.UPDATED, level.updated())
                .onConflict(TOKEN_BUCKETS.VALUE)
                .doUpdate()
                .set(TOKEN_BUCKETS.TOKENS, level.tokens())
                .set(TOKEN_BUCKETS.UPDATED, level.updated())
                .execute();
    }
}
