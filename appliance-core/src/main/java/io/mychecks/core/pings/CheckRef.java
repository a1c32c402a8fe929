package io.mychecks.core.pings;

import java.util.UUID;

/** How a ping names its check: by UUID, or by the project's ping key and the check's slug. */
public record CheckRef(UUID code, String pingKey, String slug) {

    public static CheckRef byCode(UUID code) {
        return new CheckRef(code, null, null);
    }

    public static CheckRef bySlug(String pingKey, String slug) {
        return new CheckRef(null, pingKey, slug);
    }

    public boolean isSlug() {
        return code == null;
    }
}
