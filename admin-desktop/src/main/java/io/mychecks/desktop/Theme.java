package io.mychecks.desktop;

import javafx.scene.Scene;

/** The console's style sheet; dark when the desktop asks for it (MYCHECKS_THEME=dark). */
public final class Theme {
    private Theme() {}

    public static void apply(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("console.css").toExternalForm());
        if (dark()) {
            scene.getStylesheets()
                    .add(Theme.class.getResource("console-dark.css").toExternalForm());
        }
    }

    static boolean dark() {
        String theme =
                System.getenv()
                        .getOrDefault("MYCHECKS_THEME", System.getProperty("mychecks.theme", ""));
        if (theme.equalsIgnoreCase("dark")) {
            return true;
        }
        String gtk = System.getenv().getOrDefault("GTK_THEME", "");
        return gtk.toLowerCase(java.util.Locale.ROOT).contains("dark");
    }
}
