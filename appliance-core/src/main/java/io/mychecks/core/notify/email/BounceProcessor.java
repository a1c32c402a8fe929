package io.mychecks.core.notify.email;

import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.notify.NotificationStatusStore;
import io.mychecks.core.notify.SentNotification;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a bounce of an alert email ({@code /api/vN/bounces/}): the {@code To} address must carry
 * a valid {@link BounceAddress} token, checked before the rest of the message is read. A permanent
 * failure records "Delivery failed (…)" on the notification and the channel and disables the
 * channel; a temporary one only records the error. The answer is always a 200 text, so a mail
 * provider's webhook never retries.
 */
public final class BounceProcessor {
    private final Database database;
    private final BounceAddress addresses;
    private final NotificationStatusStore store;
    private final UserStore users;

    public BounceProcessor(
            Database database, BounceAddress addresses, NotificationStatusStore store) {
        this(database, addresses, store, null);
    }

    /** With {@code users}, a permanent bounce of a report turns that user's reports off. */
    public BounceProcessor(
            Database database,
            BounceAddress addresses,
            NotificationStatusStore store,
            UserStore users) {
        this.database = database;
        this.addresses = addresses;
        this.store = store;
        this.users = users;
    }

    /** Applies the raw bounce message and returns the text to answer with. */
    public String apply(byte[] rawMessage) {
        // only the headers of an unsigned message are read: the body may be crafted to be costly
        String recipient = BounceReport.recipient(rawMessage);
        Optional<UUID> code = addresses.verify(recipient);
        if (code.isEmpty()) {
            Optional<Long> user = addresses.verifyReport(recipient);
            if (user.isEmpty() || users == null) {
                return "OK (bad signature)";
            }
            if (!BounceReport.parse(rawMessage).permanent()) {
                return "OK (ignored)";
            }
            database.inTransactionRun(cfg -> users.unsubscribe(cfg.dsl(), user.get()));
            return "OK (reports turned off)";
        }
        BounceReport report = BounceReport.parse(rawMessage);
        if (!report.permanent() && !report.temporary()) {
            return "OK (ignored)";
        }
        String error = "Delivery failed (" + report.diagnostic() + ")";
        return database.inTransaction(
                cfg -> {
                    Optional<SentNotification> n = store.findByCode(cfg.dsl(), code.get());
                    if (n.isEmpty()) {
                        return "OK (notification not found)";
                    }
                    store.setError(cfg.dsl(), n.get().id(), error);
                    store.setChannelError(
                            cfg.dsl(), n.get().channelId(), error, report.permanent());
                    return "OK";
                });
    }
}
