package io.mychecks.core.settings;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Creates the directories and files that hold the database and the secret key so that only their
 * owner can read them: directories 0700, files 0600. A file created in a directory that its group
 * may write (a packaged install shared with the {@code mychecks} group) is 0660 instead. Existing
 * directories and files keep their permissions; on file systems without POSIX permissions nothing
 * is changed.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_DIR =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_FILE =
            PosixFilePermissions.fromString("rw-rw----");

    private PrivateFiles() {}

    /** Creates {@code dir} and any missing parents; the ones created here are 0700. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                if (isPosix(p.getParent())) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                    // the umask may have taken bits away, never added; set exactly what we mean
                    Files.setPosixFilePermissions(p, OWNER_DIR);
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException e) {
                // another process made it meanwhile
            }
        }
    }

    /**
     * Creates the empty file {@code file} (and its directory) with owner-only permissions, unless
     * it exists. Returns true when it was created here.
     */
    public static boolean createFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        if (Files.exists(file)) {
            return false;
        }
        try {
            if (isPosix(parent)) {
                Set<PosixFilePermission> mode = fileModeIn(parent);
                FileAttribute<Set<PosixFilePermission>> attr =
                        PosixFilePermissions.asFileAttribute(mode);
                Files.createFile(file, attr);
                Files.setPosixFilePermissions(file, mode);
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Gives the existing {@code file} the mode a new file in its directory gets. */
    public static void restrict(Path file) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (isPosix(parent)) {
            Files.setPosixFilePermissions(file, fileModeIn(parent));
        }
    }

    private static Set<PosixFilePermission> fileModeIn(Path dir) throws IOException {
        if (dir == null) {
            return OWNER_FILE;
        }
        Set<PosixFilePermission> dirMode = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
        return dirMode.contains(PosixFilePermission.GROUP_WRITE) ? GROUP_FILE : OWNER_FILE;
    }

    private static boolean isPosix(Path existing) {
        Path p = existing == null ? Path.of("").toAbsolutePath() : existing;
        try {
            return Files.getFileStore(p).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }
}
