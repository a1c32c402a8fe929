package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierRegistryTest {
    @Test
    void loadsEmailAndWebhookFromTheClassPath() {
        NotifierRegistry r = NotifierRegistry.load(Settings.of(Map.of()), Clock.systemUTC());
        assertThat(r.kinds()).contains("email", "webhook");
        assertThat(r.find("email")).get().extracting(Notifier::kind).isEqualTo("email");
        assertThat(r.find("slack")).isEmpty();
    }

    @Test
    void disabledWebhooksAreLeftOut() {
        NotifierRegistry r =
                NotifierRegistry.load(
                        Settings.of(Map.of("WEBHOOKS_ENABLED", "False")), Clock.systemUTC());
        assertThat(r.kinds()).contains("email").doesNotContain("webhook");
    }
}
