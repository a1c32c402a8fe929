package io.mychecks.desktop.common;

import io.mychecks.core.settings.Listen;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon as a system service: its state from systemd where systemd runs (else whether its HTTP
 * port answers), and start, stop and restart through {@code systemctl}, which a polkit rule allows
 * members of the mychecks group.
 */
public final class ServiceControl {
    public static final String UNIT = "mychecks.service";

    /** What the console knows of the daemon. */
    public record State(boolean running, String description, boolean managed) {}

    private final CommandRunner commands;
    private final boolean systemd;
    private final Listen http;

    public ServiceControl(CommandRunner commands, boolean systemd, Listen http) {
        this.commands = commands;
        this.systemd = systemd;
        this.http = http;
    }

    /** True when systemd is the init system here. */
    public static boolean systemdRuns() {
        return Files.isDirectory(Path.of("/run/systemd/system"));
    }

    public boolean managed() {
        return systemd;
    }

    public State state() throws IOException {
        if (systemd) {
            CommandRunner.Result r = commands.run(List.of("systemctl", "is-active", UNIT));
            String s = r.output().isBlank() ? "unknown" : r.output().lines().findFirst().orElse("");
            return new State(s.equals("active"), UNIT + " is " + s, true);
        }
        boolean answers = answers(http);
        return new State(
                answers,
                answers
                        ? "answers on "
                                + http.host()
                                + ":"
                                + http.port()
                                + " (systemd is not running here)"
                        : "nothing answers on "
                                + http.host()
                                + ":"
                                + http.port()
                                + " (systemd is not running here: start it with mychecks serve)",
                false);
    }

    public String start() throws IOException {
        return systemctl("start");
    }

    public String stop() throws IOException {
        return systemctl("stop");
    }

    public String restart() throws IOException {
        return systemctl("restart");
    }

    private String systemctl(String verb) throws IOException {
        if (!systemd) {
            throw new IllegalStateException(
                    "systemd is not running here: "
                            + verb
                            + " the daemon yourself (mychecks serve runs it)");
        }
        CommandRunner.Result r =
                commands.run(List.of("systemctl", "--no-ask-password", verb, UNIT));
        if (!r.ok()) {
            String why = r.output().isBlank() ? "exit code " + r.exit() : r.output();
            throw new IllegalStateException(
                    "systemctl "
                            + verb
                            + " "
                            + UNIT
                            + " failed: "
                            + why
                            + (why.contains("authentication") || why.contains("Access denied")
                                    ? " (" + Problems.JOIN_GROUP + ")"
                                    : ""));
        }
        return UNIT + ": " + verb + " done";
    }

    private static boolean answers(Listen listen) {
        String host = listen.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty()) {
            host = "127.0.0.1";
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, listen.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
