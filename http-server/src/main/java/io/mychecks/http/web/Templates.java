package io.mychecks.http.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;

/**
 * The web UI's templates ({@code src/main/jte}), compiled at build time with the HTML content type:
 * every value written into a page is escaped for where it lands.
 */
public final class Templates {
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(
                    null,
                    ContentType.Html,
                    Templates.class.getClassLoader(),
                    "io.mychecks.http.jte");

    private Templates() {}

    /** Renders {@code name} ({@code accounts/login.jte}) with its parameters, as UTF-8. */
    public static Utf8ByteOutput render(String name, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render(name, params, out);
        return out;
    }
}
