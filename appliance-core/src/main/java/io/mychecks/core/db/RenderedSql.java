package io.mychecks.core.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;

/**
 * SQL built with jOOQ's DSL and rendered once per dialect, for the few statements of the ping path
 * that run thousands of times a second: rendering and binding through jOOQ costs more than SQLite
 * itself there, so these statements are executed as plain JDBC batches.
 */
public final class RenderedSql {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private RenderedSql() {}

    /**
     * Returns the SQL of {@code build}'s query for the context's dialect, with {@code ?}
     * placeholders.
     */
    public static String of(DSLContext ctx, String name, Function<DSLContext, Query> build) {
        SQLDialect dialect = ctx.dialect();
        return CACHE.computeIfAbsent(name + "/" + dialect, k -> ctx.render(build.apply(ctx)));
    }
}
