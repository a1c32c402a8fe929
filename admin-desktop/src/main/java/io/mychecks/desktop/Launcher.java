package io.mychecks.desktop;

import javafx.application.Application;

/**
 * The console's entry point ({@code mychecks-admin}). A plain class, not the {@link Application}
 * itself, so that JavaFX on the class path (as the installer ships it) starts.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Application.launch(AdminConsole.class, args);
    }
}
