package io.mychecks.core.pings;

import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.pings.PingResult.Outcome;
import io.mychecks.core.text.Truncate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Applies a batch of pings inside the caller's transaction.
 *
 * <ol>
 *   <li>Load (and on PostgreSQL lock) every check the batch names, in one query.
 *   <li>Apply the pings in arrival order in memory, chaining pings to the same check.
 *   <li>Write each touched check once, insert all pings in one statement, then the flips.
 *   <li>Trim the ping log of checks whose count passed a multiple of 100.
 * </ol>
 */
public final class PingBatch {
    private final Clock clock;
    private final Stores stores;

    /** The stores the batch writes through. */
    public record Stores(
            CheckStore checks,
            PingStore pings,
            FlipStore flips,
            ProjectStore projects,
            ChannelStore channels) {}

    /** One result per event, in order, and whether any flip was stored. */
    public record Result(List<PingResult> results, boolean flipped) {}

    public PingBatch(Clock clock, Stores stores) {
        this.clock = clock;
        this.stores = stores;
    }

    public Result apply(DSLContext ctx, List<PingEvent> events) {
        Set<UUID> codes = new LinkedHashSet<>();
        for (PingEvent e : events) {
            if (!e.ref().isSlug()) {
                codes.add(e.ref().code());
            }
        }
        Map<UUID, Check> byCode = new HashMap<>();
        if (!codes.isEmpty()) {
            stores.checks().findByCodes(ctx, codes, true).forEach(c -> byCode.put(c.code(), c));
        }
        Map<Long, Check> touched = new LinkedHashMap<>();
        List<Ping> pings = new ArrayList<>(events.size());
        List<FlipDraft> flips = new ArrayList<>();
        List<PingResult> results = new ArrayList<>(events.size());
        Set<Long> toPrune = new LinkedHashSet<>();

        for (PingEvent event : events) {
            // slug pings were resolved to their check's code before they were queued
            Check check = event.ref().isSlug() ? null : byCode.get(event.ref().code());
            if (check == null) {
                results.add(PingResult.of(Outcome.NOT_FOUND));
                continue;
            }
            if (event.rejection() != null) {
                results.add(PingResult.of(event.rejection()));
                continue;
            }
            check = touched.getOrDefault(check.id(), check);
            Instant now = clock.instant();
            PingProcessor.Applied applied =
                    PingProcessor.apply(
                            check,
                            event,
                            now,
                            (c, rid, t) ->
                                    stores.pings()
                                            .startOfRun(
                                                    ctx,
                                                    c.id(),
                                                    rid,
                                                    t.minus(PingProcessor.MAX_RUN)));
            touched.put(check.id(), applied.check());
            pings.add(toPing(applied, event, now));
            // every 100th ping of a check, offset by its id so that checks pinged in step do
            // not all trim their logs in the same batch
            if ((applied.check().state().nPings() + check.id()) % 100 == 0) {
                toPrune.add(check.id());
            }
            if (applied.flip() != null) {
                flips.add(applied.flip());
            }
            results.add(new PingResult(Outcome.OK, check.code()));
        }

        stores.checks().updateStates(ctx, touched.values());
        stores.pings().insertAll(ctx, pings);
        boolean notifying = false;
        for (FlipDraft flip : flips) {
            stores.flips().insert(ctx, flip, false);
            notifying |= flip.notifies();
        }
        prune(ctx, toPrune, touched);
        return new Result(results, notifying);
    }

    private void prune(DSLContext ctx, Set<Long> checkIds, Map<Long, Check> touched) {
        for (Long id : checkIds) {
            Check c = touched.get(id);
            int limit = stores.projects().pingLogLimit(ctx, c.projectId());
            stores.pings().deleteUpTo(ctx, c.id(), c.state().nPings() - limit);
        }
    }

    private static Ping toPing(PingProcessor.Applied applied, PingEvent e, Instant now) {
        // the column widths: no value that arrives can fail the batch
        String ua = cut(e.ua(), 200);
        String method = cut(e.method(), 10);
        return new Ping(
                0,
                applied.check().id(),
                applied.check().state().nPings(),
                now,
                applied.kind(),
                cut(e.scheme(), 10),
                e.remoteAddr() == null ? null : cut(e.remoteAddr(), 64),
                method,
                ua,
                e.body(),
                e.exitStatus(),
                e.rid(),
                applied.durationMs());
    }

    private static String cut(String value, int width) {
        return Truncate.toChars(value, width);
    }
}
