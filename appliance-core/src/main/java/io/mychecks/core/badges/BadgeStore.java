package io.mychecks.core.badges;

import static io.mychecks.core.db.schema.Tables.CHECKS;
import static io.mychecks.core.db.schema.Tables.PROJECTS;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStore;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Finds what a badge URL names: a project or a check by its badge key. */
public final class BadgeStore {

    /** Returns the id of the project whose badge key is {@code badgeKey}. */
    public Optional<Long> projectIdByBadgeKey(DSLContext ctx, String badgeKey) {
        return ctx.select(PROJECTS.ID)
                .from(PROJECTS)
                .where(PROJECTS.BADGE_KEY.eq(badgeKey))
                .fetchOptional(PROJECTS.ID);
    }

    /** Returns the check whose badge key is {@code badgeKey}. */
    public Optional<Check> checkByBadgeKey(DSLContext ctx, UUID badgeKey) {
        return ctx.selectFrom(CHECKS)
                .where(CHECKS.BADGE_KEY.eq(badgeKey.toString()))
                .fetchOptional()
                .map(CheckStore::toCheck);
    }
}
