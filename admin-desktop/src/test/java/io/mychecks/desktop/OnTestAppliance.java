package io.mychecks.desktop;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A ViewModel test over a fresh {@link TestAppliance} in a temporary directory, per test. */
public abstract class OnTestAppliance {
    @TempDir protected Path dir;
    protected TestAppliance appliance;

    @BeforeEach
    void openAppliance() throws Exception {
        appliance = new TestAppliance(dir);
    }

    @AfterEach
    void closeAppliance() {
        appliance.close();
    }
}
