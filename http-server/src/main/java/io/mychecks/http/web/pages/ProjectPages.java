package io.mychecks.http.web.pages;

import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.StatusCalculator;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The project list ({@code /}) and project creation. */
public final class ProjectPages {
    private ProjectPages() {}

    /** A project on the list, with how many of its checks are in each state. */
    public record ProjectCard(ProjectAccess.Access access, int total, int down, int late, int up) {
        public String status() {
            return down > 0 ? "down" : late > 0 ? "grace" : total > 0 ? "up" : "new";
        }

        public String statusWord() {
            return down > 0 ? "down" : late > 0 ? "late" : total > 0 ? "up" : "no checks";
        }
    }

    static void list(WebRequest r) {
        Instant now = r.app().clock().instant();
        List<ProjectCard> cards = new ArrayList<>();
        for (ProjectAccess.Access a : r.app().projectAccess().projectsOf(r.user())) {
            int[] n = new int[4];
            r.app()
                    .checkQueries()
                    .forEach(
                            a.project(),
                            Set.of(),
                            null,
                            s -> {
                                CheckStatus st = StatusCalculator.status(s.check(), now, false);
                                n[0]++;
                                if (st == CheckStatus.DOWN) {
                                    n[1]++;
                                } else if (st == CheckStatus.GRACE) {
                                    n[2]++;
                                } else if (st == CheckStatus.UP) {
                                    n[3]++;
                                }
                            });
            cards.add(new ProjectCard(a, n[0], n[1], n[2], n[3]));
        }
        cards.sort(
                Comparator.comparingInt((ProjectCard c) -> c.down() > 0 ? 0 : 1)
                        .thenComparing(c -> c.access().project().name()));
        r.render("projects.jte", r.chrome("My Projects"), "cards", cards);
    }

    /** {@code POST /projects/add/}: name (1–60 characters). */
    public static void add(WebRequest r) {
        String name = r.param("name").strip();
        if (name.isEmpty() || name.length() > 60) {
            throw WebError.badRequest("A project name has 1 to 60 characters.");
        }
        var project =
                r.app()
                        .database()
                        .inTransaction(
                                cfg ->
                                        r.app()
                                                .projects()
                                                .insert(
                                                        cfg.dsl(),
                                                        r.user().id(),
                                                        name,
                                                        r.app().clock().instant()));
        r.redirect("/projects/" + project.code() + "/checks/");
    }
}
