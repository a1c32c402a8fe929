package io.mychecks.desktop.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the daemon's log file ({@code DATA_DIR/mychecks.log}, written when it runs outside
 * systemd). Notices when the file was rolled over and starts again from its beginning.
 */
public final class FileLogSource implements LogSource {
    private static final int TAIL_BYTES = 512 * 1024;
    private final Path file;
    private long position;
    private String partial = "";

    public FileLogSource(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public List<String> last(int n) throws IOException {
        if (!Files.exists(file)) {
            position = 0;
            return List.of();
        }
        long size = Files.size(file);
        position = Math.max(0, size - TAIL_BYTES);
        partial = "";
        List<String> lines = read();
        if (size > TAIL_BYTES && !lines.isEmpty()) {
            lines.remove(0); // most likely cut in the middle
        }
        return lines.size() <= n
                ? lines
                : new ArrayList<>(lines.subList(lines.size() - n, lines.size()));
    }

    @Override
    public List<String> poll() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        if (Files.size(file) < position) {
            position = 0; // rolled over
            partial = "";
        }
        return read();
    }

    private List<String> read() throws IOException {
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            if (size <= position) {
                return lines;
            }
            byte[] bytes = new byte[(int) Math.min(size - position, 8L * TAIL_BYTES)];
            f.seek(position);
            f.readFully(bytes);
            position += bytes.length;
            String text = partial + new String(bytes, StandardCharsets.UTF_8);
            int start = 0;
            int nl;
            while ((nl = text.indexOf('\n', start)) >= 0) {
                lines.add(text.substring(start, nl));
                start = nl + 1;
            }
            partial = text.substring(start);
        }
        return lines;
    }
}
