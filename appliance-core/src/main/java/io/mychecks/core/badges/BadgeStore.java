package io.mychecks.core.badges;

import static io.mychecks.core.db.schema.Tables.PROJECTS;

import java.util.Optional;
import org.jooq.DSLContext;

/** Finds the project a badge URL names by its badge key (checks: CheckStore). */
public final class BadgeStore {

    /** Returns the id of the project whose badge key is {@code badgeKey}. */
    public Optional<Long> projectIdByBadgeKey(DSLContext ctx, String badgeKey) {
        return ctx.select(PROJECTS.ID)
                .from(PROJECTS)
                .where(PROJECTS.BADGE_KEY.eq(badgeKey))
                .fetchOptional(PROJECTS.ID);
    }
}
