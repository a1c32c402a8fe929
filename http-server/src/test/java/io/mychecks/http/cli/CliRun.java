package io.mychecks.http.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in-process with a test environment: an empty settings file (so no
 * /etc/mychecks/mychecks.conf on the machine leaks in), a temporary DATA_DIR holding the SQLite
 * database, and a fixed SECRET_KEY.
 */
final class CliRun {
    final Map<String, String> env = new HashMap<>();

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {}

    CliRun(Path dir) {
        try {
            Path conf = Files.writeString(dir.resolve("mychecks.conf"), "# empty\n");
            env.put("MYCHECKS_CONFIG", conf.toString());
            env.put("DATA_DIR", dir.resolve("data").toString());
            env.put("SECRET_KEY", "cli-test-secret");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    CliRun with(String key, String value) {
        env.put(key, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Mychecks.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
