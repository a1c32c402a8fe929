package io.mychecks.desktop.about;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.desktop.TestAppliance;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AboutViewModelTest {
    @TempDir Path dir;

    @Test
    void showsVersionPathsAndLicence() throws Exception {
        try (TestAppliance appliance = new TestAppliance(dir)) {
            AboutViewModel model = new AboutViewModel(appliance.ctx.settings(), appliance.config);
            assertThat(model.facts().get("Version")).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(model.facts().get("Settings file"))
                    .isEqualTo(appliance.config.toAbsolutePath().normalize().toString());
            assertThat(model.facts().get("Data directory")).endsWith("data");
            assertThat(model.facts().get("Web server")).isEqualTo("http://127.0.0.1:9/");
            assertThat(model.licence()).contains("BSD 3-Clause");
        }
    }
}
