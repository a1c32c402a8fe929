package io.mychecks.http.web.pages;

import io.mychecks.http.web.WebRequest;

/**
 * {@code /tv/}: a read-only dashboard for a wall screen. The page is static; its script reads
 * {@code #<read-only key>=<label>&…} from the address and polls the API with those keys, so the
 * keys never reach the server's logs.
 */
public final class TvPage {
    private TvPage() {}

    public static void show(WebRequest r) {
        r.render("tv.jte", r.chrome("Dashboard"));
    }
}
