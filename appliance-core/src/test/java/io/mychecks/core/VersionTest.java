package io.mychecks.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void theBuildStampsItsVersionAndAnInstalledLauncherMayNameItsOwn() {
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        String before = System.getProperty("mychecks.version");
        try {
            System.setProperty("mychecks.version", "1.2.3");
            assertThat(Version.current()).isEqualTo("1.2.3");
        } finally {
            if (before == null) {
                System.clearProperty("mychecks.version");
            } else {
                System.setProperty("mychecks.version", before);
            }
        }
    }
}
