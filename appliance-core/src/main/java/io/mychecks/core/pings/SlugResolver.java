package io.mychecks.core.pings;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.pings.PingResult.Outcome;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Turns a slug ping ({@code /ping/<ping-key>/<slug>}) into a ping by check code before it is
 * queued, so that every ping of one check, by UUID or by slug, goes to the same writer. A missing
 * check named with {@code create=1} is created here, under the project's write lock, the same lock
 * the Management API's create and upsert take: two pings cannot create the same slug twice, and the
 * check limit holds under concurrency.
 */
final class SlugResolver {
    private final Database database;
    private final Clock clock;
    private final CheckStore checks;
    private final ProjectStore projects;
    private final ChannelStore channels;

    /** Where a slug led: a check code to queue the ping for, or an answer to give at once. */
    record Resolution(PingEvent byCode, boolean created, Outcome answer) {
        static Resolution answer(Outcome outcome) {
            return new Resolution(null, false, outcome);
        }
    }

    SlugResolver(
            Database database,
            Clock clock,
            CheckStore checks,
            ProjectStore projects,
            ChannelStore channels) {
        this.database = database;
        this.clock = clock;
        this.checks = checks;
        this.projects = projects;
        this.channels = channels;
    }

    Resolution resolve(PingEvent event) {
        CheckRef ref = event.ref();
        List<Check> found = checks.findBySlug(database.dsl(), ref.pingKey(), ref.slug(), false);
        if (found.size() > 1) {
            return Resolution.answer(Outcome.AMBIGUOUS_SLUG);
        }
        if (found.size() == 1) {
            return new Resolution(byCode(event, found.get(0)), false, null);
        }
        if (!event.create()) {
            return Resolution.answer(Outcome.NOT_FOUND);
        }
        return database.inTransactionRetrying(cfg -> provision(cfg.dsl(), event));
    }

    /** Creates the check a {@code create=1} slug ping names, unless over twice the check limit. */
    private Resolution provision(DSLContext ctx, PingEvent event) {
        CheckRef ref = event.ref();
        Optional<Project> project = projects.findByPingKey(ctx, ref.pingKey());
        if (project.isEmpty()) {
            return Resolution.answer(Outcome.NOT_FOUND);
        }
        Project p = project.get();
        projects.lockForWrite(ctx, p.id());
        // another ping or an API call may have created it while we waited for the lock
        List<Check> found = checks.findBySlug(ctx, ref.pingKey(), ref.slug(), false);
        if (found.size() > 1) {
            return Resolution.answer(Outcome.AMBIGUOUS_SLUG);
        }
        if (found.size() == 1) {
            return new Resolution(byCode(event, found.get(0)), false, null);
        }
        int limit = projects.checkLimit(ctx, p.id());
        if (checks.countForOwner(ctx, p.ownerId()) >= 2 * limit) {
            return Resolution.answer(Outcome.NOT_FOUND);
        }
        var b = CheckConfig.defaults().toBuilder();
        b.name = ref.slug();
        b.slug = ref.slug();
        Check check = checks.insert(ctx, p.id(), b.build(), clock.instant());
        channels.assignAll(ctx, p.id(), check.id());
        return new Resolution(byCode(event, check), true, null);
    }

    private static PingEvent byCode(PingEvent e, Check check) {
        return new PingEvent(
                CheckRef.byCode(check.code()),
                e.kind(),
                e.exitStatus(),
                e.rid(),
                e.body(),
                e.remoteAddr(),
                e.scheme(),
                e.method(),
                e.ua(),
                false,
                e.email(),
                e.rejection());
    }
}
