package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.pings.Ping;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything a notifier needs to tell one channel about one status change.
 *
 * @param notificationCode unique per delivery; an idempotency key where the target takes one
 * @param status the check's new status (UP or DOWN)
 * @param flipTime when the status changed
 * @param reason "" (unknown), {@code timeout} or {@code fail}
 * @param lastPing the check's latest success/fail/start ping with its body, or null
 * @param downtime on recovery, how long the check was down; else null
 * @param checkJson the check as API v3 shows it to a read-write key ({@code $JSON})
 */
public record Alert(
        UUID notificationCode,
        Channel channel,
        Check check,
        String projectName,
        CheckStatus status,
        Instant flipTime,
        String reason,
        Ping lastPing,
        Duration downtime,
        ObjectNode checkJson) {}
