package io.mychecks.core.checks;

import static io.mychecks.core.db.schema.Tables.CHECKS;

import io.mychecks.core.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads a {@code checks} row from a plain JDBC result set (the ping path's fast look-up). */
final class CheckRows {
    private CheckRows() {}

    static Check read(ResultSet rs) throws SQLException {
        CheckConfig config = new CheckConfig(
                rs.getString(CHECKS.NAME.getName()), rs.getString(CHECKS.SLUG.getName()),
                rs.getString(CHECKS.TAGS.getName()), rs.getString(CHECKS.DESCRIPTION.getName()),
                rs.getString(CHECKS.KIND.getName()), rs.getLong(CHECKS.TIMEOUT.getName()),
                rs.getLong(CHECKS.GRACE.getName()), rs.getString(CHECKS.SCHEDULE.getName()),
                rs.getString(CHECKS.TZ.getName()), rs.getBoolean(CHECKS.FILTER_SUBJECT.getName()),
                rs.getBoolean(CHECKS.FILTER_BODY.getName()), rs.getBoolean(CHECKS.FILTER_HTTP_BODY.getName()),
                rs.getBoolean(CHECKS.FILTER_DEFAULT_FAIL.getName()), rs.getString(CHECKS.START_KW.getName()),
                rs.getString(CHECKS.SUCCESS_KW.getName()), rs.getString(CHECKS.FAILURE_KW.getName()),
                rs.getString(CHECKS.METHODS.getName()), rs.getBoolean(CHECKS.MANUAL_RESUME.getName()));
        CheckState state = new CheckState(
                rs.getLong(CHECKS.N_PINGS.getName()), Jdbc.getInstant(rs, CHECKS.LAST_PING.getName()),
                Jdbc.getInstant(rs, CHECKS.LAST_START.getName()), rs.getString(CHECKS.LAST_START_RID.getName()),
                Jdbc.getLong(rs, CHECKS.LAST_DURATION_MS.getName()),
                rs.getBoolean(CHECKS.HAS_CONFIRMATION_LINK.getName()), Jdbc.getInstant(rs, CHECKS.ALERT_AFTER.getName()),
                CheckStatus.fromWire(rs.getString(CHECKS.STATUS.getName())));
        return new Check(rs.getLong(CHECKS.ID.getName()), UUID.fromString(rs.getString(CHECKS.CODE.getName())),
                rs.getLong(CHECKS.PROJECT_ID.getName()), Jdbc.getInstant(rs, CHECKS.CREATED.getName()),
                rs.getString(CHECKS.BADGE_KEY.getName()), config, state);
    }
}
