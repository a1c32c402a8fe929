package io.mychecks.core.notify;

import io.mychecks.core.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a delivery report that a provider (Twilio, or any service given the notification's status
 * URL) posts about a notification after it was sent.
 *
 * <ol>
 *   <li>Reports about unknown notifications, or ones created an hour ago or earlier, are ignored:
 *       the provider still gets a success answer so it does not retry forever.
 *   <li>A non-empty {@code error} field is the error (cut to 200 characters); with a non-empty
 *       {@code mark_disabled} field the channel is disabled too.
 *   <li>Twilio's {@code MessageStatus} {@code failed} or {@code undelivered}, and {@code
 *       CallStatus} {@code failed}, replace it with "Delivery failed (status=…).".
 *   <li>The error is stored on the notification and copied to the channel's last error.
 * </ol>
 */
public final class DeliveryStatusCallback {
    private static final Duration MAX_AGE = Duration.ofHours(1);

    /** What a report says: the error to record and whether to disable the channel. */
    public record Report(String error, boolean disableChannel) {}

    private final Database database;
    private final Clock clock;
    private final NotificationStatusStore store;

    public DeliveryStatusCallback(Database database, Clock clock, NotificationStatusStore store) {
        this.database = database;
        this.clock = clock;
        this.store = store;
    }

    /**
     * Applies the report in {@code fields} to notification {@code code}; true if it recorded an
     * error.
     */
    public boolean apply(UUID code, Map<String, String> fields) {
        Optional<Report> report = interpret(fields);
        if (report.isEmpty()) {
            return false;
        }
        Instant cutoff = clock.instant().minus(MAX_AGE);
        return database.inTransaction(
                cfg -> {
                    Optional<SentNotification> n =
                            store.findByCode(cfg.dsl(), code)
                                    .filter(x -> x.created().isAfter(cutoff));
                    if (n.isEmpty()) {
                        return false;
                    }
                    store.setError(cfg.dsl(), n.get().id(), report.get().error());
                    store.setChannelError(
                            cfg.dsl(),
                            n.get().channelId(),
                            report.get().error(),
                            report.get().disableChannel());
                    return true;
                });
    }

    /** Returns what the form fields of a report say, empty when they report no error. */
    public static Optional<Report> interpret(Map<String, String> fields) {
        String error = null;
        boolean disable = false;
        String given = fields.getOrDefault("error", "");
        if (!given.isEmpty()) {
            error = NotificationStatusStore.cut(given);
            disable = !fields.getOrDefault("mark_disabled", "").isEmpty();
        }
        String messageStatus = fields.getOrDefault("MessageStatus", "");
        if (messageStatus.equals("failed") || messageStatus.equals("undelivered")) {
            error = "Delivery failed (status=" + messageStatus + ").";
        }
        if (fields.getOrDefault("CallStatus", "").equals("failed")) {
            error = "Delivery failed (status=failed).";
        }
        return error == null ? Optional.empty() : Optional.of(new Report(error, disable));
    }
}
