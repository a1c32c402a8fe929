package io.mychecks.desktop;

import javafx.application.Application;

/**
 * The console's entry point ({@code mychecks-admin}). A plain class, not the {@link Application}
 * itself, so that JavaFX on the class path (as the installer ships it) starts.
 */
public final class Launcher {
    /** Held so the level set below stays (the logging framework keeps loggers weakly). */
    private static final java.util.logging.Logger JAVAFX =
            java.util.logging.Logger.getLogger("javafx");

    private Launcher() {}

    public static void main(String[] args) {
        // JavaFX warns that it runs from the class path ("unsupported configuration"): it is how
        // the console ships, and it works; the warning would only worry the admin
        JAVAFX.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(AdminConsole.class, args);
    }
}
