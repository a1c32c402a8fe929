package io.mychecks.core.manage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.checks.CheckJson;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.settings.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and renders the checks list ({@code GET /api/v3/checks/}) into nowhere before the daemon
 * takes traffic, through the API's own {@link CheckQueries#writeList}, so that the first dashboards
 * to poll after a start do not wait for the JVM to load and compile that path. Read only: it takes
 * the project of the oldest check, cuts each round at {@link #BYTES_PER_ROUND} bytes of JSON, and
 * stops after {@code budget}, {@link #MAX_ROUNDS} rounds or {@link #MAX_BYTES} bytes, so a project
 * of a million checks costs no more than one of a thousand, and a small one next to nothing.
 */
public final class ChecksListWarmUp {
    /** About a thousand checks. */
    static final long BYTES_PER_ROUND = 1 << 20;

    static final long MAX_BYTES = 180L << 20;
    static final int MAX_ROUNDS = 200;

    private static final JsonFactory JSON = new JsonFactory();

    private final Database database;
    private final CheckStore checks;
    private final ProjectStore projects;
    private final CheckQueries queries;
    private final Settings settings;
    private final Clock clock;

    public ChecksListWarmUp(
            Database database,
            CheckStore checks,
            ProjectStore projects,
            CheckQueries queries,
            Settings settings,
            Clock clock) {
        this.database = database;
        this.checks = checks;
        this.projects = projects;
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    /** Ends a round early; thrown through the cursor, which closes on the way out. */
    private static final class RoundDone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RoundDone() {
            super(null, null, false, false);
        }
    }

    /** Counts what is written and ends the round past {@link #BYTES_PER_ROUND}. */
    private static final class Sink extends OutputStream {
        long written;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written += len;
            if (written > BYTES_PER_ROUND) {
                throw new RoundDone();
            }
        }
    }

    /** Runs the warm-up; returns a line for the log. A database failure ends it quietly. */
    public String run(Duration budget) {
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        long bytes = 0;
        int rounds = 0;
        try {
            Optional<Project> project = projectOfOldestCheck();
            while (project.isPresent()
                    && rounds < MAX_ROUNDS
                    && bytes < MAX_BYTES
                    && System.nanoTime() < end) {
                bytes += renderOnce(project.get());
                rounds++;
            }
        } catch (RuntimeException e) {
            return "checks list not warmed (" + e.getClass().getSimpleName() + ")";
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return rounds == 0
                ? "checks list not warmed (no checks yet)"
                : "checks list warmed: "
                        + rounds
                        + " lists, "
                        + bytes / 1024
                        + " KiB rendered in "
                        + ms
                        + " ms";
    }

    private Optional<Project> projectOfOldestCheck() {
        List<UUID> codes = checks.sampleCodes(database.dsl(), 1);
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        return checks.findByCode(database.dsl(), codes.get(0))
                .flatMap(c -> projects.findById(database.dsl(), c.projectId()));
    }

    /** Renders one list, cut at {@link #BYTES_PER_ROUND}; returns the bytes rendered. */
    private long renderOnce(Project project) {
        Sink sink = new Sink();
        try (JsonGenerator g = JSON.createGenerator(sink)) {
            queries.writeList(
                    g,
                    CheckJson.writer(3, false, settings, clock.instant()),
                    project,
                    List.of(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (!endedByRound(e)) {
                throw e;
            }
        }
        return Math.min(sink.written, BYTES_PER_ROUND);
    }

    private static boolean endedByRound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RoundDone) {
                return true;
            }
        }
        return false;
    }
}
