package io.mychecks.core.pings;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.db.Database;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PingStore on each database (STYLE.md 3.7, tier 2). */
interface PingStoreContract {
    Instant T = Instant.parse("2025-06-15T12:00:00.987654321Z");
    Instant T_MS = T.truncatedTo(ChronoUnit.MILLIS);
    String RID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default PingStore store() {
        return new PingStore();
    }

    default Check newCheck() {
        return new Seed(database()).checkOfNewUser(T);
    }

    default Ping ping(
            Check check, long n, Instant created, PingKind kind, String rid, byte[] body) {
        return new Ping(
                0,
                check.id(),
                n,
                created,
                kind,
                "https",
                "2001:db8::1",
                "POST",
                "runitor/1.0",
                body,
                0,
                rid,
                42L);
    }

    default void insert(Ping... pings) {
        database().inTransactionRun(cfg -> store().insertAll(cfg.dsl(), List.of(pings)));
    }

    default Instant startOfRun(Check check, String rid, Instant since) {
        return store().startOfRun(database().dsl(), check.id(), rid, since);
    }

    @Test
    default void insertedPingReadsBackWithEveryFieldAndItsBody() {
        Check check = newCheck();
        byte[] body = "line 1\nline 2 \u00e9".getBytes(StandardCharsets.UTF_8);
        insert(
                ping(check, 1, T, PingKind.FAIL, RID, body),
                new Ping(
                        0,
                        check.id(),
                        2,
                        T.plusSeconds(1),
                        PingKind.SUCCESS,
                        "email",
                        null,
                        "",
                        "",
                        null,
                        null,
                        null,
                        null));
        Ping first = store().find(database().dsl(), check.id(), 1).orElseThrow();
        assertThat(first.id()).isPositive();
        assertThat(first)
                .usingRecursiveComparison()
                .ignoringFields("id")
                .isEqualTo(
                        new Ping(
                                0,
                                check.id(),
                                1,
                                T_MS,
                                PingKind.FAIL,
                                "https",
                                "2001:db8::1",
                                "POST",
                                "runitor/1.0",
                                body,
                                0,
                                RID,
                                42L));
        Ping second = store().find(database().dsl(), check.id(), 2).orElseThrow();
        assertThat(second)
                .usingRecursiveComparison()
                .ignoringFields("id")
                .isEqualTo(
                        new Ping(
                                0,
                                check.id(),
                                2,
                                T_MS.plusSeconds(1),
                                PingKind.SUCCESS,
                                "email",
                                null,
                                "",
                                "",
                                null,
                                null,
                                null,
                                null));
        assertThat(store().find(database().dsl(), check.id(), 3)).isEmpty();
    }

    @Test
    default void nonUtf8BodiesAreKeptByteForByte() {
        Check check = newCheck();
        byte[] body = {(byte) 0xff, 0, (byte) 0xc3, 0x28};
        insert(ping(check, 1, T, PingKind.SUCCESS, null, body));
        assertThat(store().find(database().dsl(), check.id(), 1).orElseThrow().body())
                .containsExactly(body);
    }

    @Test
    default void recentListsNewestFirstAboveMinNWithoutBodies() {
        Check check = newCheck();
        Check other = newCheck();
        insert(
                ping(check, 1, T, PingKind.START, RID, null),
                ping(
                        check,
                        2,
                        T.plusSeconds(1),
                        PingKind.SUCCESS,
                        RID,
                        "hello".getBytes(StandardCharsets.UTF_8)),
                ping(check, 3, T.plusSeconds(2), PingKind.LOG, null, null),
                ping(other, 1, T, PingKind.SUCCESS, null, null));
        List<Ping> recent = store().recent(database().dsl(), check.id(), 0, 10);
        assertThat(recent).extracting(Ping::n).containsExactly(3L, 2L, 1L);
        assertThat(recent)
                .extracting(Ping::kind)
                .containsExactly(PingKind.LOG, PingKind.SUCCESS, PingKind.START);
        assertThat(recent.get(1).body()).as("marks a body without loading it").isEmpty();
        assertThat(recent.get(0).body()).isNull();
        assertThat(recent.get(2).created()).isEqualTo(T_MS);
        assertThat(recent.get(2).rid()).isEqualTo(RID);
        assertThat(store().recent(database().dsl(), check.id(), 1, 10))
                .extracting(Ping::n)
                .containsExactly(3L, 2L);
        assertThat(store().recent(database().dsl(), check.id(), 0, 1))
                .extracting(Ping::n)
                .containsExactly(3L);
    }

    @Test
    default void lastCountedSkipsLogAndIgnoredPings() {
        Check check = newCheck();
        insert(
                ping(check, 1, T, PingKind.START, null, null),
                ping(
                        check,
                        2,
                        T.plusSeconds(1),
                        PingKind.FAIL,
                        null,
                        "boom".getBytes(StandardCharsets.UTF_8)),
                ping(check, 3, T.plusSeconds(2), PingKind.LOG, null, null),
                ping(check, 4, T.plusSeconds(3), PingKind.IGN, null, null));
        Optional<Ping> last = store().lastCounted(database().dsl(), check.id());
        assertThat(last).map(Ping::n).contains(2L);
        assertThat(last.orElseThrow().body()).asString(StandardCharsets.UTF_8).isEqualTo("boom");
    }

    @Test
    default void deleteUpToRemovesOnlyThatChecksPingsUpToN() {
        Check check = newCheck();
        Check other = newCheck();
        insert(
                ping(check, 1, T, PingKind.SUCCESS, null, null),
                ping(check, 2, T, PingKind.SUCCESS, null, null),
                ping(check, 3, T, PingKind.SUCCESS, null, null),
                ping(other, 1, T, PingKind.SUCCESS, null, null));
        assertThat(
                        database()
                                .inTransaction(cfg -> store().deleteUpTo(cfg.dsl(), check.id(), 2))
                                .intValue())
                .isEqualTo(2);
        assertThat(store().recent(database().dsl(), check.id(), 0, 10))
                .extracting(Ping::n)
                .containsExactly(3L);
        assertThat(store().recent(database().dsl(), other.id(), 0, 10)).hasSize(1);
    }

    @Test
    default void startOfRunIsTheLatestStartWithThatRid() {
        Check check = newCheck();
        insert(
                ping(check, 1, T, PingKind.START, RID, null),
                ping(check, 2, T.plusSeconds(5), PingKind.START, "other-rid", null),
                ping(check, 3, T.plusSeconds(6), PingKind.LOG, RID, null));
        assertThat(startOfRun(check, RID, T.minusSeconds(3600))).isEqualTo(T_MS);
        assertThat(startOfRun(check, "other-rid", T.minusSeconds(3600)))
                .isEqualTo(T_MS.plusSeconds(5));
        assertThat(startOfRun(check, "unknown-rid", T.minusSeconds(3600))).isNull();
    }

    @Test
    default void startOfRunIsNullOnceTheRunEndedOrBeforeTheWindow() {
        Check check = newCheck();
        insert(
                ping(check, 1, T, PingKind.START, RID, null),
                ping(check, 2, T.plusSeconds(5), PingKind.SUCCESS, RID, null));
        assertThat(startOfRun(check, RID, T.minusSeconds(3600))).isNull();
        insert(ping(check, 3, T.plusSeconds(10), PingKind.START, RID, null));
        assertThat(startOfRun(check, RID, T.minusSeconds(3600))).isEqualTo(T_MS.plusSeconds(10));
        assertThat(startOfRun(check, RID, T.plusSeconds(11))).isNull();
    }

    @Test
    default void maxIdGrowsWithEveryInsert() {
        Check check = newCheck();
        assertThat(store().maxId(database().dsl())).isEmpty();
        insert(ping(check, 1, T, PingKind.SUCCESS, null, null));
        long first = store().maxId(database().dsl()).orElseThrow();
        insert(ping(check, 2, T, PingKind.SUCCESS, null, null));
        assertThat(store().maxId(database().dsl()))
                .hasValueSatisfying(id -> assertThat(id).isGreaterThan(first));
    }
}
