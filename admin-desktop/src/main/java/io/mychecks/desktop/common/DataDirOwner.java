package io.mychecks.desktop.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keeps the data directory usable by the daemon when the console runs as root: SQLite creates its
 * write-ahead log and shared-memory files (and a restore, a new database) owned by whoever opened
 * the database, so root's files would lock the daemon's user out. Files in the directory are given
 * the directory's owner and group, and group read and write when the directory is group-writable. A
 * no-op for anyone but root.
 */
public final class DataDirOwner {
    private DataDirOwner() {}

    public static void adopt(Path dir) {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isDirectory(dir)) {
            return;
        }
        try {
            PosixFileAttributes d = Files.readAttributes(dir, PosixFileAttributes.class);
            boolean groupWrites = d.permissions().contains(PosixFilePermission.GROUP_WRITE);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    PosixFileAttributeView view =
                            Files.getFileAttributeView(
                                    f, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                    PosixFileAttributes a = view.readAttributes();
                    if (!a.owner().equals(d.owner())) {
                        view.setOwner(d.owner());
                    }
                    if (!a.group().equals(d.group())) {
                        view.setGroup(d.group());
                    }
                    Set<PosixFilePermission> mode =
                            EnumSet.of(
                                    PosixFilePermission.OWNER_READ,
                                    PosixFilePermission.OWNER_WRITE);
                    if (groupWrites) {
                        mode.add(PosixFilePermission.GROUP_READ);
                        mode.add(PosixFilePermission.GROUP_WRITE);
                    }
                    if (!a.permissions().equals(mode)
                            && !f.getFileName().toString().endsWith(".log")) {
                        view.setPermissions(mode);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the daemon then says what it cannot open
        }
    }
}
