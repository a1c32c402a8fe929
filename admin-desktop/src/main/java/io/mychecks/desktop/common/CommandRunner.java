package io.mychecks.desktop.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a system command (systemctl, journalctl) and returns its exit code and output. */
public interface CommandRunner {
    /** A finished command: exit code and its standard output and error, merged. */
    record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    Result run(List<String> command) throws IOException;

    /** The real one: waits at most 60 s. */
    static CommandRunner system() {
        return command -> {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(124, String.join(" ", command) + " timed out");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                return new Result(130, "interrupted");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.exitValue(), out.strip());
        };
    }
}
