package io.mychecks.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.accounts.User;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.http.testing.NotificationRows;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared steps of the Management API tests: JSON, foreign checks, channels, limits, flips. */
final class ApiTests {
    private ApiTests() {}

    /** The response body as JSON. */
    static JsonNode json(Resp r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r.body(), e);
        }
    }

    /** JSON written with single quotes, for readable test bodies. */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** The field names of a JSON object, in order. */
    static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A check in Bob's project (another project than the one of Alice's keys). */
    static Check bobCheck(TestApp t) {
        return t.app.database()
                .inTransaction(
                        cfg ->
                                t.app.checks()
                                        .insert(
                                                cfg.dsl(),
                                                t.fx.bobProject.id(),
                                                CheckConfig.defaults(),
                                                t.clock.instant()));
    }

    /** A new email channel in Alice's project. */
    static Channel aliceChannel(TestApp t, String name) {
        return new NotificationRows(t)
                .channel(
                        "email",
                        name,
                        "{\"value\": \"ops@example.org\", \"up\": true, \"down\": true}");
    }

    /** Sets a user's check limit and ping log limit. */
    static void setLimits(TestApp t, User user, int checkLimit, int pingLogLimit) {
        t.app.database()
                .inTransactionRun(
                        cfg ->
                                t.app.users()
                                        .setLimits(cfg.dsl(), user.id(), checkLimit, pingLogLimit));
    }

    /** How many checks the user owns in all their projects. */
    static int checkCount(TestApp t, User user) {
        return t.app.database()
                .inTransaction(cfg -> t.app.checks().countForOwner(cfg.dsl(), user.id()));
    }

    /** Stores a processed flip of the check. */
    static void flip(TestApp t, Check check, Instant at, CheckStatus from, CheckStatus to) {
        t.app.database()
                .inTransactionRun(
                        cfg ->
                                t.app.flips()
                                        .insert(
                                                cfg.dsl(),
                                                new FlipDraft(check.id(), at, from, to, ""),
                                                true));
    }

    /** The check's flips, newest first. */
    static List<Flip> flips(TestApp t, Check check) {
        return t.app.database()
                .inTransaction(cfg -> t.app.flips().forCheck(cfg.dsl(), check.id(), null, null));
    }

    /** The codes of the check's channels. */
    static List<java.util.UUID> channelCodes(TestApp t, Check check) {
        return t.app.database()
                .inTransaction(cfg -> t.app.channels().codesForCheck(cfg.dsl(), check.id()));
    }
}
