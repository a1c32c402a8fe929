package io.mychecks.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checks, pings, channels and alerts built in memory, for notifier tests that need no database. The
 * flip happens at {@link #FLIP_TIME}; the last ping came a minute before.
 */
public final class SampleAlerts {
    public static final Instant FLIP_TIME = Instant.parse("2026-03-01T10:00:00.123456Z");
    public static final UUID CHECK_CODE = UUID.fromString("5f7c1e0a-8b2d-4c3e-9f1a-2b3c4d5e6f70");

    private SampleAlerts() {}

    /** A down check named "backup" with tags "prod db", configured further by {@code edit}. */
    public static Check check(Consumer<CheckConfig.Builder> edit) {
        CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
        b.name = "backup";
        b.slug = "backup";
        b.tags = "prod db";
        edit.accept(b);
        CheckState state =
                new CheckState(
                        12,
                        FLIP_TIME.minusSeconds(60),
                        null,
                        null,
                        null,
                        false,
                        null,
                        CheckStatus.DOWN);
        return new Check(
                1, CHECK_CODE, 1, FLIP_TIME.minus(Duration.ofDays(30)), "badge", b.build(), state);
    }

    public static Ping ping(PingKind kind, String body, Integer exitStatus) {
        return new Ping(
                1,
                1,
                12,
                FLIP_TIME.minusSeconds(60),
                kind,
                "http",
                "192.0.2.7",
                "POST",
                "curl/8",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                exitStatus,
                null,
                null);
    }

    public static Channel channel(String kind, String config, boolean emailVerified) {
        return new Channel(
                1,
                UUID.randomUUID(),
                1,
                "",
                kind,
                config,
                emailVerified,
                false,
                FLIP_TIME,
                null,
                null,
                "");
    }

    /** An alert of {@code status} for {@code check}; recoveries carry a downtime of 2 h 5 min. */
    public static Alert alert(Channel channel, Check check, CheckStatus status, Ping last) {
        ObjectNode json =
                new ObjectMapper()
                        .createObjectNode()
                        .put("name", check.config().name())
                        .put("status", status.wire());
        Duration downtime = status == CheckStatus.UP ? Duration.ofMinutes(125) : null;
        return new Alert(
                UUID.randomUUID(),
                channel,
                check,
                "Alices Project",
                status,
                FLIP_TIME,
                status == CheckStatus.DOWN ? "timeout" : "",
                last,
                downtime,
                json);
    }
}
