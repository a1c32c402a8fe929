package io.mychecks.desktop.logs;

import java.io.IOException;
import java.util.List;

/** Where the daemon's log is read from: the systemd journal, or its log file. */
public interface LogSource {
    /** For people: "the journal of mychecks.service", or the file's path. */
    String describe();

    /** The last {@code n} lines; later {@link #poll()} calls return what follows them. */
    List<String> last(int n) throws IOException;

    /** The lines written since the previous call. */
    List<String> poll() throws IOException;
}
