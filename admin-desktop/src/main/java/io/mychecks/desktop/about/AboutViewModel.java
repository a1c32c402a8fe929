package io.mychecks.desktop.about;

import io.mychecks.core.Version;
import io.mychecks.core.settings.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The about view's facts: version, paths, runtime and licence. */
public final class AboutViewModel {
    public static final String LICENCE =
            "Mychecks is free software under the BSD 3-Clause licence: you may use, change and"
                    + " share it, with or without changes, keeping its copyright notice. It comes"
                    + " with no warranty.";

    private final Map<String, String> facts = new LinkedHashMap<>();

    public AboutViewModel(Settings settings, Path configFile) {
        facts.put("Version", Version.current());
        facts.put("Settings file", configFile.toAbsolutePath().normalize().toString());
        facts.put("Data directory", settings.dataDir().toAbsolutePath().normalize().toString());
        facts.put("Database", settings.databaseLocation());
        facts.put("Web server", "http://" + settings.httpListen().authority() + "/");
        facts.put("SMTP listener", settings.smtpListen().map(l -> l.authority()).orElse("off"));
        facts.put(
                "Java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        facts.put("Runtime", Path.of(System.getProperty("java.home")).toString());
    }

    /** Fact name to value, in display order. */
    public Map<String, String> facts() {
        return facts;
    }

    public String licence() {
        return LICENCE;
    }
}
