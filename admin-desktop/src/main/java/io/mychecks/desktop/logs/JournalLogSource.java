package io.mychecks.desktop.logs;

import io.mychecks.desktop.common.CommandRunner;
import io.mychecks.desktop.common.ServiceControl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the daemon's lines from the systemd journal with {@code journalctl}, remembering the
 * journal's cursor so each poll returns only new lines. Reading another user's journal needs the
 * {@code systemd-journal} or {@code adm} group; journalctl's own hint then shows in the view.
 */
public final class JournalLogSource implements LogSource {
    private static final String CURSOR = "-- cursor: ";
    private final CommandRunner commands;
    private String cursor;

    public JournalLogSource(CommandRunner commands) {
        this.commands = commands;
    }

    @Override
    public String describe() {
        return "the journal of " + ServiceControl.UNIT;
    }

    @Override
    public List<String> last(int n) throws IOException {
        return read(List.of("-n", String.valueOf(n)));
    }

    @Override
    public List<String> poll() throws IOException {
        return cursor == null ? last(200) : read(List.of("--after-cursor=" + cursor));
    }

    private List<String> read(List<String> extra) throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "journalctl",
                                "-u",
                                ServiceControl.UNIT,
                                "--no-pager",
                                "-o",
                                "short-iso",
                                "--show-cursor"));
        command.addAll(extra);
        CommandRunner.Result r = commands.run(command);
        List<String> lines = new ArrayList<>();
        for (String line : r.output().split("\n", -1)) {
            if (line.startsWith(CURSOR)) {
                cursor = line.substring(CURSOR.length()).strip();
            } else if (!line.isBlank() && !line.startsWith("-- No entries --")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
