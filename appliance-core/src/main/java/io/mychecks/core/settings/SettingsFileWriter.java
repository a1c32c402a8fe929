package io.mychecks.core.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes values in a settings file the way a person would: a key's line is edited where it is; a
 * key set for the first time goes just below its commented-out example ({@code #KEY=…}) when the
 * file has one, else at the end; comments, blank lines, order and keys Mychecks does not know stay
 * as they were. Values are checked with {@link SettingKeys#problem} first. The new text is written
 * to a temporary file beside the old one with the same owner and mode, the old file is copied to
 * {@code <name>.bak}, and the new one takes its place in one atomic rename.
 */
public final class SettingsFileWriter {
    private static final Pattern ACTIVE =
            Pattern.compile("^(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\\s*=).*$");
    private static final Pattern EXAMPLE =
            Pattern.compile("^\\s*#\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=.*$");

    private SettingsFileWriter() {}

    /**
     * Applies {@code changes} (a null or empty value removes the key's line, so its default
     * applies) to {@code file}, which may not exist yet; returns the backup, if there was a file.
     *
     * @throws InvalidSettingException for a value its key does not take, or one a settings file
     *     cannot hold (a line break, or both kinds of quote)
     */
    public static Optional<Path> update(Path file, Map<String, String> changes) throws IOException {
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue();
            if (!e.getKey().matches("^[A-Za-z_][A-Za-z0-9_]*$")) {
                throw new InvalidSettingException(e.getKey(), "is not a setting name");
            }
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\u0000') >= 0) {
                throw new InvalidSettingException(e.getKey(), "must be one line");
            }
            if (v.contains("\"") && v.contains("'")) {
                throw new InvalidSettingException(e.getKey(), "cannot hold both ' and \"");
            }
            Optional<String> problem = SettingKeys.problem(e.getKey(), v);
            if (problem.isPresent()) {
                throw new InvalidSettingException(e.getKey(), problem.get());
            }
        }
        boolean exists = Files.exists(file);
        String text = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String updated = apply(text, changes);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(
                    tmp, updated, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            if (exists) {
                copyOwnerAndMode(file, tmp);
            } else {
                PrivateFiles.restrict(tmp);
            }
            try (var channel = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Path backup = null;
            if (exists) {
                backup = file.resolveSibling(file.getFileName() + ".bak");
                Files.copy(
                        file,
                        backup,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.ofNullable(backup);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The text with {@code changes} applied (see the class comment). */
    static String apply(String text, Map<String, String> changes) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        Map<String, String> left = new LinkedHashMap<>(changes);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ACTIVE.matcher(lines.get(i));
            if (!m.matches() || !left.containsKey(m.group(2))) {
                continue;
            }
            String value = left.get(m.group(2));
            if (value == null || value.isEmpty()) {
                lines.remove(i);
                i--;
            } else {
                lines.set(i, m.group(1) + m.group(2) + m.group(3) + quoted(value));
            }
            // a key set twice keeps its first line; later duplicates go
            left.put(m.group(2), null);
        }
        for (Map.Entry<String, String> e : left.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            String line = e.getKey() + "=" + quoted(e.getValue());
            int example = -1;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXAMPLE.matcher(lines.get(i));
                if (m.matches() && m.group(1).equals(e.getKey())) {
                    example = i;
                }
            }
            if (example >= 0) {
                lines.add(example + 1, line);
            } else {
                lines.add(line);
            }
        }
        return lines.isEmpty() ? "" : String.join(eol, lines) + eol;
    }

    /** The value as the reader gives it back: quoted when spaces, quotes or # would change it. */
    static String quoted(String value) {
        boolean plain =
                !value.isEmpty()
                        && value.equals(value.strip())
                        && !value.contains("#")
                        && !value.contains(" ")
                        && !(value.startsWith("\"") || value.startsWith("'"));
        if (plain) {
            return value;
        }
        return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
    }

    private static void copyOwnerAndMode(Path from, Path to) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(
                        to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
        view.setPermissions(a.permissions());
        try {
            view.setGroup(a.group());
            view.setOwner(a.owner());
        } catch (IOException | UnsupportedOperationException e) {
            // not root: the file stays ours, with the same mode
        }
    }
}
