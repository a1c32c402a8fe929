package io.mychecks.core.manage;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckJson;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.manage.CheckRejectedException.Reason;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Reads checks, their pings and flips on behalf of a project (the Management API). Reads run
 * outside transactions, so they never wait for the SQLite write lock.
 */
public final class CheckQueries {
    /** No API answer lists more pings than this, whatever the account keeps. */
    public static final int MAX_PINGS_LISTED = 1000;

    private final Database database;
    private final CheckStore checks;
    private final PingStore pings;
    private final FlipStore flips;
    private final ChannelStore channels;
    private final ProjectStore projects;

    public CheckQueries(
            Database database,
            CheckStore checks,
            PingStore pings,
            FlipStore flips,
            ChannelStore channels,
            ProjectStore projects) {
        this.database = database;
        this.checks = checks;
        this.pings = pings;
        this.flips = flips;
        this.channels = channels;
        this.projects = projects;
    }

    /**
     * Hands the project's checks to {@code each} in creation order, with their channel codes, one
     * at a time from one query: memory stays bounded however many checks the project has.
     *
     * @param tags every one of these must be among the check's tags (exact match)
     * @param slug only checks with this slug, unless null or empty
     */
    public void forEach(
            Project project, Collection<String> tags, String slug, Consumer<CheckSnapshot> each) {
        Set<String> wanted = Set.copyOf(tags);
        checks.forEachInProject(
                database.dsl(),
                project.id(),
                slug,
                wanted,
                (check, codes) -> {
                    if (wanted.isEmpty() || tagSet(check.config().tags()).containsAll(wanted)) {
                        each.accept(new CheckSnapshot(check, parseCodes(codes)));
                    }
                });
    }

    /**
     * Writes the checks list answer, {@code {"checks":[…]}}, of the project's checks filtered as
     * {@link #forEach} does, streaming.
     */
    public void writeList(
            JsonGenerator g,
            CheckJson.Writer writer,
            Project project,
            Collection<String> tags,
            String slug)
            throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("checks");
        forEach(
                project,
                tags,
                slug,
                s -> {
                    try {
                        writer.write(g, s.check(), s.channelCodes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        g.writeEndArray();
        g.writeEndObject();
    }

    private static List<UUID> parseCodes(String codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        String[] parts = codes.split(",");
        UUID[] out = new UUID[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = UUID.fromString(parts[i]);
        }
        return List.of(out);
    }

    /** The tags of a check: its tags field split at spaces, each trimmed, empty ones dropped. */
    private static Set<String> tagSet(String tags) {
        return Arrays.stream(tags.split(" "))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * Returns the check {@code code} of the project.
     *
     * @throws CheckRejectedException NOT_FOUND for an unknown code, FORBIDDEN for a check of
     *     another project (the reference tells the two apart, and clients may rely on it)
     */
    public Check owned(Project project, UUID code) {
        Check check =
                checks.findByCode(database.dsl(), code)
                        .orElseThrow(
                                () -> new CheckRejectedException(Reason.NOT_FOUND, "not found"));
        if (check.projectId() != project.id()) {
            throw new CheckRejectedException(Reason.FORBIDDEN, "check belongs to another project");
        }
        return check;
    }

    /** Returns the project's check whose {@link Check#uniqueKey()} is {@code uniqueKey}. */
    public Optional<Check> byUniqueKey(Project project, String uniqueKey) {
        return checks.findByUniqueKey(database.dsl(), project.id(), uniqueKey);
    }

    /** Returns the check with the codes of its channels. */
    public CheckSnapshot snapshot(Check check) {
        return new CheckSnapshot(check, channels.codesForCheck(database.dsl(), check.id()));
    }

    /**
     * The check's flips, newest first, created at or after {@code from} and before {@code to}
     * (null: open).
     */
    public List<Flip> flips(Check check, Instant from, Instant to) {
        return flips.forCheck(database.dsl(), check.id(), from, to);
    }

    /**
     * The check's pings, newest first, without bodies: those its owner's ping log keeps, and at
     * most {@link #MAX_PINGS_LISTED}.
     */
    public List<Ping> pings(Check check) {
        DSLContext ctx = database.dsl();
        int keep = projects.pingLogLimit(ctx, check.projectId());
        return pings.recent(
                ctx, check.id(), check.state().nPings() - keep, Math.min(keep, MAX_PINGS_LISTED));
    }

    /**
     * Returns the body of ping number {@code n}; empty when the ping is beyond what the ping log
     * keeps (even if its row is still there), missing, or had no body.
     */
    public Optional<byte[]> pingBody(Check check, long n) {
        DSLContext ctx = database.dsl();
        int keep = projects.pingLogLimit(ctx, check.projectId());
        if (n <= check.state().nPings() - keep) {
            return Optional.empty();
        }
        return pings.find(ctx, check.id(), n).map(Ping::body).filter(b -> b.length > 0);
    }
}
