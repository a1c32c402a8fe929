package io.mychecks.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirOwnerTest {
    @TempDir Path dir;

    @Test
    void filesRootMadeInTheDataDirectoryGoToItsOwner() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwx---"));
        Path wal = Files.writeString(data.resolve("mychecks.sqlite-wal"), "x");
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-r--r--"));
        boolean root = "root".equals(System.getProperty("user.name"));
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        if (root) {
            UserPrincipal nobody = users.lookupPrincipalByName("nobody");
            GroupPrincipal nogroup = users.lookupPrincipalByGroupName("nogroup");
            PosixFileAttributeView view =
                    Files.getFileAttributeView(data, PosixFileAttributeView.class);
            view.setOwner(nobody);
            view.setGroup(nogroup);
        }
        UserPrincipal before = Files.getOwner(wal);

        DataDirOwner.adopt(data);

        if (root) {
            assertThat(Files.getOwner(wal).getName()).isEqualTo("nobody");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)))
                    .isEqualTo("rw-rw----");
        } else {
            // anyone else cannot give files away: nothing changes
            assertThat(Files.getOwner(wal)).isEqualTo(before);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)))
                    .isEqualTo("rw-r--r--");
        }
    }
}
