package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import java.time.Clock;
import java.util.List;

/** The five prune tasks, in the order they are listed and run. */
public final class PruneTasks {
    private PruneTasks() {}

    public static List<PruneTask> all(Database database, Clock clock) {
        return List.of(
                new PruneTask(
                        "prunepings",
                        "Old pings",
                        "All but each check's most recent pings (the owner's ping log limit).",
                        "pings",
                        new PingPruner(database)),
                new PruneTask(
                        "prunenotifications",
                        "Old notifications",
                        "Sent notifications older than their check's oldest stored ping.",
                        "notifications",
                        new NotificationPruner(database)),
                new PruneTask(
                        "pruneusers",
                        "Inactive accounts",
                        "Accounts never used for 6 months, or idle 6 months with no checks;"
                                + " never superusers.",
                        "user accounts",
                        new UserPruner(database, clock)),
                new PruneTask(
                        "prunetokenbucket",
                        "Rate-limit records",
                        "Rate-limit records not updated for a day.",
                        "token bucket entries",
                        new TokenBucketPruner(database, clock)),
                new PruneTask(
                        "pruneflips",
                        "Old status changes",
                        "Status changes older than 3 months (monthly downtime needs less).",
                        "flips",
                        new FlipPruner(database, clock)));
    }
}
