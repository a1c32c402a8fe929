package io.mychecks.core.mail;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.pings.CheckRef;
import java.util.List;

/**
 * What an email ping's check needs of the message, looked up before the message is read: nothing
 * when there is no such check, the text when its subject or body filters search it.
 */
@FunctionalInterface
public interface CheckLookup {
    /** What the check named by an email recipient needs. */
    enum Need {
        /** No check has this address: the message is dropped unread (answered 250 all the same). */
        NO_CHECK,
        /** The ping is recorded as it is; the message is not parsed. */
        RECORD,
        /** The check's keyword filters search the subject or the text: the message is parsed. */
        PARSE
    }

    /** Looks the check up; throws a RuntimeException when the database cannot answer. */
    Need need(CheckRef ref);

    /** A lookup by one read outside any transaction (no lock, no wait for the ping writer). */
    static CheckLookup of(Database database, CheckStore checks) {
        return ref -> {
            List<Check> found =
                    ref.isSlug()
                            ? checks.findBySlug(database.dsl(), ref.pingKey(), ref.slug(), false)
                            : checks.findByCode(database.dsl(), ref.code()).stream().toList();
            if (found.isEmpty()) {
                return Need.NO_CHECK;
            }
            if (found.size() > 1) {
                return Need.RECORD; // an ambiguous slug: the intake refuses it without classifying
            }
            CheckConfig config = found.get(0).config();
            return config.filterSubject() || config.filterBody() ? Need.PARSE : Need.RECORD;
        };
    }
}
