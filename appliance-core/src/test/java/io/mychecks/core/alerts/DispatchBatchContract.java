package io.mychecks.core.alerts;

import static io.mychecks.core.db.schema.Tables.FLIPS;
import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.pings.PingKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;

/**
 * Overdue checks go down and flips become deliveries set-based: a batch costs the same statements
 * whatever its size, keeps each check's flips in order, and concurrent dispatchers on one database
 * never queue a flip twice.
 */
interface DispatchBatchContract {
    AlertHarness newHarness();

    /** A context over the harness database that counts the statements it runs. */
    private static DSLContext counting(AlertHarness h, AtomicInteger statements) {
        return h.app.database()
                .dsl()
                .configuration()
                .derive(
                        new DefaultExecuteListenerProvider(
                                new ExecuteListener() {
                                    @Override
                                    public void executeStart(ExecuteContext ctx) {
                                        statements.incrementAndGet();
                                    }
                                }))
                .dsl();
    }

    private static List<Check> checksOn(AlertHarness h, int n, Channel... channels) {
        List<Check> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Check c =
                    h.fx.aliceCheck(
                            b -> {
                                b.timeout = 60;
                                b.grace = 60;
                            });
            h.link(c, channels);
            made.add(c);
        }
        return made;
    }

    private static void storeFlips(AlertHarness h, List<FlipDraft> drafts) {
        h.app.database().inTransactionRun(cfg -> h.app.flips().insertAll(cfg.dsl(), drafts));
    }

    private static FlipDraft down(Check c, Instant at) {
        return new FlipDraft(c.id(), at, CheckStatus.UP, CheckStatus.DOWN, "timeout");
    }

    private static int unprocessed(AlertHarness h) {
        return h.app.flips().countUnprocessed(h.app.database().dsl());
    }

    @Test
    default void aBatchOfFlipsIsDispatchedWithTheSameStatementsForOneFlipOrForty() {
        try (AlertHarness h = newHarness()) {
            Channel all = h.channel("{}");
            Channel downOnly = h.channel("{\"down_only\": true}");
            List<Check> checks = checksOn(h, 40, all, downOnly);
            Instant now = h.clock.instant();
            AtomicInteger statements = new AtomicInteger();
            FlipDispatcher dispatcher = h.app.flipDispatcher();

            storeFlips(h, List.of(down(checks.get(0), now)));
            assertThat(dispatcher.dispatch(counting(h, statements), now)).isEqualTo(2);
            int forOne = statements.getAndSet(0);

            List<FlipDraft> forty = new ArrayList<>();
            for (Check c : checks.subList(0, 20)) {
                forty.add(down(c, now));
                forty.add(new FlipDraft(c.id(), now, CheckStatus.DOWN, CheckStatus.UP, ""));
            }
            storeFlips(h, forty);
            assertThat(dispatcher.dispatch(counting(h, statements), now))
                    .isEqualTo(20 * 2 + 20); // 20 downs to both channels, 20 ups to one
            int forForty = statements.get();

            assertThat(forOne).isPositive().isEqualTo(forForty);
            assertThat(unprocessed(h)).isZero();
            for (Check c : checks.subList(1, 20)) {
                assertThat(h.notifications(c))
                        .extracting(Notification::channelId, Notification::checkStatus)
                        .as("a check's deliveries in the order of its flips")
                        .containsExactly(
                                tuple(all.id(), CheckStatus.DOWN),
                                tuple(downOnly.id(), CheckStatus.DOWN),
                                tuple(all.id(), CheckStatus.UP));
            }
        }
    }

    @Test
    default void aBatchOfOverdueChecksGoesDownWithTheSameStatementsForOneCheckOrThirty() {
        try (AlertHarness h = newHarness()) {
            Channel channel = h.channel("{}");
            List<Check> checks = checksOn(h, 31, channel);
            for (Check c : checks) {
                h.ping(c, PingKind.SUCCESS);
            }
            h.clock.advance(Duration.ofMinutes(3));
            Instant now = h.clock.instant();
            Check late = h.fx.reload(checks.get(0));
            // one of them was pinged after the look: it must stay up
            List<Check> seen = new ArrayList<>();
            for (Check c : checks.subList(1, 31)) {
                seen.add(h.fx.reload(c));
            }
            h.ping(checks.get(30), PingKind.SUCCESS);
            AtomicInteger statements = new AtomicInteger();
            GoingDownSweep sweep = h.app.goingDownSweep();

            assertThat(sweep.sweep(counting(h, statements), List.of(late), now)).isEqualTo(1);
            int forOne = statements.getAndSet(0);
            assertThat(sweep.sweep(counting(h, statements), seen, now)).isEqualTo(29);
            int forThirty = statements.get();

            assertThat(forOne).isPositive().isEqualTo(forThirty);
            assertThat(h.fx.reload(checks.get(30)).state().status()).isEqualTo(CheckStatus.UP);
            assertThat(h.flips(checks.get(30))).noneMatch(f -> f.newStatus() == CheckStatus.DOWN);
            for (Check c : checks.subList(0, 30)) {
                assertThat(h.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
                assertThat(h.flips(c))
                        .filteredOn(f -> f.newStatus() == CheckStatus.DOWN)
                        .singleElement()
                        .satisfies(f -> assertThat(f.processed()).isNull());
            }
        }
    }

    @Test
    default void twoDispatchersOnOneDatabaseNeverQueueAFlipTwice() throws Exception {
        try (AlertHarness h = newHarness()) {
            Channel a = h.channel("{}");
            Channel b = h.channel("{}");
            List<Check> checks = checksOn(h, 20, a, b);
            Instant now = h.clock.instant();
            List<FlipDraft> drafts = new ArrayList<>();
            for (int i = 0; i < 3 * FlipDispatcher.BATCH; i++) {
                drafts.add(down(checks.get(i % checks.size()), now.plusMillis(i)));
            }
            storeFlips(h, drafts);
            Database second = h.db.openAnother();
            FlipDispatcher other =
                    new FlipDispatcher(
                            second,
                            h.app.flips(),
                            h.app.channels(),
                            h.app.notifications(),
                            new NotifierRegistry(List.of(new RecordingNotifier())));
            CyclicBarrier start = new CyclicBarrier(2);
            try {
                CompletableFuture<Integer> one = drain(h.app.flipDispatcher(), start, now);
                CompletableFuture<Integer> two = drain(other, start, now);
                assertThat(one.get() + two.get()).isEqualTo(drafts.size() * 2);
            } finally {
                second.close();
            }
            DSLContext dsl = h.app.database().dsl();
            assertThat(unprocessed(h)).isZero();
            assertThat(dsl.fetchCount(NOTIFICATIONS)).isEqualTo(drafts.size() * 2);
            assertThat(
                            dsl.fetchCount(
                                    DSL.selectDistinct(
                                                    NOTIFICATIONS.FLIP_ID, NOTIFICATIONS.CHANNEL_ID)
                                            .from(NOTIFICATIONS)))
                    .isEqualTo(drafts.size() * 2);
            assertThat(dsl.fetchCount(FLIPS, FLIPS.PROCESSED.isNull())).isZero();
        }
    }

    private static CompletableFuture<Integer> drain(
            FlipDispatcher dispatcher, CyclicBarrier start, Instant now) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    int queued = 0;
                    for (int n; (n = dispatcher.dispatchOne(now)) > 0; ) {
                        queued += n;
                    }
                    return queued;
                });
    }
}
