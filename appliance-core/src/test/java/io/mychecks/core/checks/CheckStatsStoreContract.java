package io.mychecks.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.checks.CheckStatsStore.StatusRow;
import io.mychecks.core.checks.CheckStatsStore.Tally;
import io.mychecks.core.db.Database;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * CheckStatsStore on each database: its SQL counts and statuses equal what the Java rules
 * (StatusCalculator, the tag rules) make of the same checks loaded into memory.
 */
interface CheckStatsStoreContract {
    Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Tags fields with SQL wildcards, prefixes, odd white space and other traps. */
    List<String> TAGS_FIELDS =
            List.of(
                    "prod",
                    "production",
                    "prod db",
                    " prod ",
                    "pr%d",
                    "a_b",
                    "axb",
                    "web\tprod",
                    "\tprod\t",
                    "prod-eu",
                    "",
                    "  ",
                    "db  prod",
                    "x\u00A0prod",
                    "\u2003prod",
                    "%",
                    "PROD");

    /** Tags asked for, with the same traps. */
    List<String> TAGS_ASKED =
            List.of(
                    "prod",
                    "pro",
                    "pr%d",
                    "pr_d",
                    "a_b",
                    "%",
                    "_",
                    "db",
                    "web",
                    "prod-eu",
                    "",
                    " prod",
                    "web\tprod",
                    "\u2003prod",
                    "Prod",
                    "x\u00A0prod",
                    "eu");

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default CheckStore checks() {
        return new CheckStore();
    }

    default CheckStatsStore stats() {
        return new CheckStatsStore();
    }

    /** One check per tags field and state, half of them cron checks. */
    default Project projectWithEveryKindOfCheck() {
        Seed seed = new Seed(database());
        Project project = seed.project(seed.user(NOW), NOW);
        List<UnaryOperator<CheckState>> states = states();
        int n = 0;
        for (String tags : TAGS_FIELDS) {
            for (UnaryOperator<CheckState> state : states) {
                CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
                b.name = "check " + n;
                b.tags = tags;
                if (n++ % 2 == 1) {
                    b.kind = "cron";
                    b.schedule = "0 * * * *";
                    b.tz = "Europe/Riga";
                }
                database()
                        .inTransactionRun(
                                cfg -> {
                                    Check c =
                                            checks().insert(
                                                            cfg.dsl(),
                                                            project.id(),
                                                            b.build(),
                                                            NOW.minus(Duration.ofDays(30)));
                                    checks().update(
                                                    cfg.dsl(),
                                                    c.withState(state.apply(CheckState.fresh())));
                                });
            }
        }
        return project;
    }

    /** States around every boundary of the status rules (default timeout 1 day, grace 1 hour). */
    static List<UnaryOperator<CheckState>> states() {
        Duration day = Duration.ofDays(1);
        Duration hour = Duration.ofHours(1);
        List<UnaryOperator<CheckState>> out = new ArrayList<>();
        out.add(s -> s);
        out.add(s -> s.withStatus(CheckStatus.PAUSED));
        out.add(s -> s.withStatus(CheckStatus.DOWN).withLastPing(NOW.minus(day.multipliedBy(3))));
        out.add(s -> s.withStatus(CheckStatus.UP));
        for (Duration ago :
                List.of(
                        hour,
                        day.minusMillis(1),
                        day,
                        day.plus(hour).minusMillis(1),
                        day.plus(hour),
                        day.multipliedBy(5))) {
            out.add(s -> s.withStatus(CheckStatus.UP).withLastPing(NOW.minus(ago)));
        }
        for (Duration ago : List.of(Duration.ofMinutes(1), hour.minusMillis(1), hour)) {
            out.add(
                    s ->
                            s.withStatus(CheckStatus.UP)
                                    .withLastPing(NOW.minus(hour))
                                    .withLastStart(NOW.minus(ago), null));
            out.add(s -> s.withStatus(CheckStatus.PAUSED).withLastStart(NOW.minus(ago), null));
        }
        return out;
    }

    /** The tally the Java rules give for the checks {@code has} selects. */
    default Tally expected(Project project, Predicate<String> has) {
        int total = 0;
        int grace = 0;
        int down = 0;
        for (Check c : checks().listForProject(database().dsl(), project.id())) {
            if (has.test(c.config().tags())) {
                CheckStatus s = StatusCalculator.status(c, NOW, false);
                total++;
                grace += s == CheckStatus.GRACE ? 1 : 0;
                down += s == CheckStatus.DOWN ? 1 : 0;
            }
        }
        return new Tally(total, grace, down);
    }

    /** The checks list's rule: the field split at single spaces, each stripped. */
    static Set<String> spaceSplitTags(String tags) {
        Set<String> out = new HashSet<>();
        Arrays.stream(tags.split(" "))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .forEach(out::add);
        return out;
    }

    @Test
    default void tallyOfEveryCheckMatchesTheJavaRules() {
        Project project = projectWithEveryKindOfCheck();
        Tally all = stats().tally(database().dsl(), project.id(), null, t -> true, NOW);
        assertThat(all).isEqualTo(expected(project, t -> true));
        assertThat(all.total()).isEqualTo(TAGS_FIELDS.size() * states().size());
        assertThat(all.grace()).isPositive();
        assertThat(all.down()).isPositive();
    }

    @Test
    default void tallyOfATagMatchesTheJavaRulesWhateverTheTagsHold() {
        Project project = projectWithEveryKindOfCheck();
        for (String tag : TAGS_ASKED) {
            Predicate<String> badgeRule = tags -> CheckConfig.tagList(tags).contains(tag);
            assertThat(stats().tally(database().dsl(), project.id(), tag, badgeRule, NOW))
                    .as("badge rule, tag [%s]", tag)
                    .isEqualTo(expected(project, badgeRule));
            Predicate<String> listRule = tags -> spaceSplitTags(tags).contains(tag);
            assertThat(stats().tally(database().dsl(), project.id(), tag, listRule, NOW))
                    .as("list rule, tag [%s]", tag)
                    .isEqualTo(expected(project, listRule));
        }
        assertThat(
                        stats().tally(
                                        database().dsl(),
                                        project.id(),
                                        "prod",
                                        tags -> CheckConfig.tagList(tags).contains("prod"),
                                        NOW)
                                .total())
                .isEqualTo(6 * states().size());
    }

    @Test
    default void statusOfEveryCheckMatchesStatusCalculatorInIdOrder() {
        Project project = projectWithEveryKindOfCheck();
        List<Check> loaded = checks().listForProject(database().dsl(), project.id());
        List<StatusRow> rows = new ArrayList<>();
        stats().forEachStatus(database().dsl(), project.id(), NOW, rows::add);
        assertThat(rows)
                .containsExactlyElementsOf(
                        loaded.stream()
                                .map(
                                        c ->
                                                new StatusRow(
                                                        c.config().name(),
                                                        c.config().tags(),
                                                        c.uniqueKey(),
                                                        c.state().lastStart() != null,
                                                        StatusCalculator.status(c, NOW, false)))
                                .toList());
        assertThat(rows.stream().map(StatusRow::status))
                .contains(
                        CheckStatus.NEW,
                        CheckStatus.UP,
                        CheckStatus.GRACE,
                        CheckStatus.DOWN,
                        CheckStatus.PAUSED);
    }

    @Test
    default void distinctTagsFieldsOfTheProjectOnly() {
        Project project = projectWithEveryKindOfCheck();
        Seed seed = new Seed(database());
        seed.check(seed.project(seed.user(NOW), NOW), NOW);
        Set<String> seen = new TreeSet<>();
        List<String> all = new ArrayList<>();
        stats().forEachDistinctTags(
                        database().dsl(),
                        project.id(),
                        t -> {
                            seen.add(t);
                            all.add(t);
                        });
        assertThat(all).hasSameSizeAs(seen);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(new HashSet<>(TAGS_FIELDS));
    }
}
