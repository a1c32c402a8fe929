package io.mychecks.desktop;

import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.CommandRunner;
import io.mychecks.desktop.common.ConsoleContext;
import io.mychecks.desktop.common.ServiceControl;
import io.mychecks.desktop.settings.SettingsEditor;
import io.mychecks.desktop.settings.SettingsSaver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A throwaway appliance for console tests: a data directory and a settings file made from the
 * shipped template (config/mychecks.conf, every key documented and commented out), on SQLite.
 */
public final class TestAppliance implements AutoCloseable {
    public static final Path TEMPLATE = Path.of("../config/mychecks.conf");

    public final Path dir;
    public final Path config;
    public final ConsoleContext ctx;

    /** Every command the console ran, and the answer it got. */
    public final List<List<String>> commands = new ArrayList<>();

    public final Map<String, CommandRunner.Result> answers = new HashMap<>();

    public TestAppliance(Path dir) throws IOException {
        this.dir = dir;
        this.config = dir.resolve("mychecks.conf");
        Files.copy(TEMPLATE, config);
        Map<String, String> env = new HashMap<>();
        env.put("MYCHECKS_CONFIG", config.toString());
        env.put("DATA_DIR", dir.resolve("data").toString());
        // a port nothing listens on: the service probe says "not running"
        env.put("HTTP_LISTEN", "127.0.0.1:9");
        env.put("SECRET_KEY", "test-secret");
        this.ctx = ConsoleContext.open(env, dir.resolve("no-such-system.conf"));
    }

    /**
     * A command runner that records commands and answers "systemctl is-active" with {@code state}.
     */
    public CommandRunner runner(String state) {
        return command -> {
            commands.add(command);
            if (command.get(0).equals("journalctl")) {
                return answers.getOrDefault(
                        "journalctl", new CommandRunner.Result(0, "-- No entries --"));
            }
            if (command.contains("is-active")) {
                return new CommandRunner.Result(state.equals("active") ? 0 : 3, state);
            }
            return answers.getOrDefault(String.join(" ", command), new CommandRunner.Result(0, ""));
        };
    }

    /**
     * The service as systemd reports it ({@code active}, {@code inactive}), through {@link
     * #runner}.
     */
    public ServiceControl service(String state, boolean systemd) {
        return new ServiceControl(runner(state), systemd, ctx.settings().httpListen());
    }

    /** Saves to this appliance's settings file, the service running under systemd. */
    public SettingsSaver saver() {
        return new SettingsSaver(
                new SettingsEditor(config), Background.direct(), service("active", true), true);
    }

    @Override
    public void close() {
        ctx.close();
    }
}
