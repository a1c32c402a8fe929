package io.mychecks.core.notify;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the kinds' message templates, compiled at build time by the jte Maven plugin: {@code
 * src/main/jte/html/<kind>/…} as auto-escaped HTML, {@code src/main/jte/text/<kind>/…} as plain
 * text. A template takes one parameter, its model (usually {@link AlertFacts}).
 */
public final class MessageTemplates {
    private static final TemplateEngine HTML =
            TemplateEngine.createPrecompiled(
                    null,
                    ContentType.Html,
                    MessageTemplates.class.getClassLoader(),
                    "io.mychecks.core.jte.html");
    private static final TemplateEngine TEXT =
            TemplateEngine.createPrecompiled(
                    null,
                    ContentType.Plain,
                    MessageTemplates.class.getClassLoader(),
                    "io.mychecks.core.jte.text");

    private MessageTemplates() {}

    /** Renders HTML template {@code name} ({@code email/alert.jte}); every value is escaped. */
    public static String html(String name, Object model) {
        StringOutput out = new StringOutput();
        HTML.render(name, model, out);
        return out.toString();
    }

    /** Renders plain-text template {@code name}; values are written as they are. */
    public static String text(String name, Object model) {
        StringOutput out = new StringOutput();
        TEXT.render(name, model, out);
        return out.toString();
    }

    /**
     * Renders a one-line plain-text template (a subject, a title) without the line end that ends
     * the template file.
     */
    public static String line(String name, Object model) {
        String s = text(name, model);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
