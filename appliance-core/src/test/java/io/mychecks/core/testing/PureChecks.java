package io.mychecks.core.testing;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checks in memory for tests of the pure rules (no database): a fixed moment, fixed identities, and
 * the configuration and state each test names.
 */
public final class PureChecks {
    /** The moment the pure tests take as "now". */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    public static final UUID CODE = UUID.fromString("6f1c4c52-0c1e-4f7a-9a57-5f6c1f0e7a11");

    private PureChecks() {}

    /** A check with the default configuration changed by {@code edit}, in {@code state}. */
    public static Check check(Consumer<CheckConfig.Builder> edit, CheckState state) {
        CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
        edit.accept(b);
        return new Check(7, CODE, 1, NOW.minusSeconds(86400 * 30), "badge-key-7", b.build(), state);
    }

    /** A check with the default configuration in {@code state}. */
    public static Check check(CheckState state) {
        return check(b -> {}, state);
    }

    /** A state with {@code status}, its last ping at {@code lastPing} and no run open. */
    public static CheckState state(CheckStatus status, Instant lastPing) {
        return CheckState.fresh().withStatus(status).withLastPing(lastPing);
    }
}
