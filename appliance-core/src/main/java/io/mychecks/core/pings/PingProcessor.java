package io.mychecks.core.pings;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.StatusCalculator;
import io.mychecks.core.flips.FlipDraft;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Applies one ping to a check's state: pure, so the group commit can chain pings in memory. */
public final class PingProcessor {
    /** Runs longer than this get no duration (the reference's MAX_DURATION). */
    static final Duration MAX_RUN = Duration.ofHours(72);

    /** Finds the start time of the run with a given rid, for runs the check no longer tracks. */
    @FunctionalInterface
    public interface RunStarts {
        Instant startOf(Check check, String rid, Instant now);
    }

    /** The outcome of one ping: the check after it, what the ping row holds, and any flip. */
    public record Applied(Check check, PingKind kind, Long durationMs, FlipDraft flip) {}

    private PingProcessor() {}

    /**
     * Returns the check after {@code event} arrived at {@code now}.
     *
     * <ol>
     *   <li>Classify the ping (filters, methods, manual resume).
     *   <li>START opens a run: last start and its rid.
     *   <li>SUCCESS and FAIL set the last ping; a run with the same rid closes and gives the
     *       duration; a run with another rid closes on FAIL or when the ping has no rid.
     *   <li>SUCCESS makes the check UP, FAIL makes it DOWN; a change is a flip.
     *   <li>Always: count the ping, note a confirmation link, recompute when it goes down.
     * </ol>
     */
    public static Applied apply(Check check, PingEvent event, Instant now, RunStarts runs) {
        PingKind kind = PingClassifier.classify(event, check.config(), check.state().status());
        CheckState s = check.state();
        Long duration = null;
        FlipDraft flip = null;
        Instant lastStart = s.lastStart();
        String lastRid = s.lastStartRid();
        Instant lastPing = s.lastPing();
        Long lastDuration = s.lastDurationMs();
        CheckStatus status = s.status();

        if (kind == PingKind.START) {
            lastStart = now;
            lastRid = event.rid();
        } else if (kind == PingKind.SUCCESS || kind == PingKind.FAIL) {
            lastPing = now;
            lastDuration = null;
            if (lastStart != null && Objects.equals(lastRid, event.rid())) {
                duration = cap(Duration.between(lastStart, now));
                lastDuration = duration;
                lastStart = null;
                lastRid = null;
            } else {
                if (event.rid() != null) {
                    Instant start = runs.startOf(check, event.rid(), now);
                    duration = start == null ? null : cap(Duration.between(start, now));
                }
                if (lastStart != null && (kind == PingKind.FAIL || event.rid() == null)) {
                    lastStart = null;
                    lastRid = null;
                }
            }
            CheckStatus target = kind == PingKind.FAIL ? CheckStatus.DOWN : CheckStatus.UP;
            if (target != status) {
                flip =
                        new FlipDraft(
                                check.id(),
                                now,
                                status,
                                target,
                                kind == PingKind.FAIL ? "fail" : "");
                status = target;
            }
        }
        boolean confirmation = event.body() != null && containsConfirm(event.body());
        CheckState next =
                new CheckState(
                        s.nPings() + 1,
                        lastPing,
                        lastStart,
                        lastRid,
                        lastDuration,
                        confirmation,
                        null,
                        status);
        Check updated = check.withState(next);
        updated = updated.withState(next.withAlertAfter(StatusCalculator.goingDownAfter(updated)));
        return new Applied(updated, kind, duration, flip);
    }

    private static Long cap(Duration d) {
        return d.isNegative() || d.compareTo(MAX_RUN) > 0 ? null : d.toMillis();
    }

    private static boolean containsConfirm(byte[] body) {
        return new String(body, StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT)
                .contains("confirm");
    }
}
