package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.SettingType;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
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
    void disabledWebhooksAreLeftOutButStillDescribed() {
        NotifierRegistry r =
                NotifierRegistry.load(
                        Settings.of(Map.of("WEBHOOKS_ENABLED", "False")), Clock.systemUTC());
        assertThat(r.kinds()).contains("email").doesNotContain("webhook");
        assertThat(r.descriptions())
                .filteredOn(d -> d.kind().equals("webhook"))
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.enabled()).isFalse();
                            assertThat(d.label()).isEqualTo("Webhook");
                            assertThat(d.fields())
                                    .extracting(ConfigField::name)
                                    .contains("url_down", "url_up", "headers_up");
                            assertThat(d.settingKeys())
                                    .extracting(SettingKey::name)
                                    .contains("WEBHOOKS_ENABLED");
                        });
    }

    /** A kind of this test only, with its own switch that no settings file documents. */
    static final class TestKind implements NotifierFactory {
        final String builds;

        TestKind(String builds) {
            this.builds = builds;
        }

        @Override
        public String kind() {
            return "testkind";
        }

        @Override
        public String label() {
            return "Test kind";
        }

        @Override
        public List<ConfigField> fields() {
            return List.of();
        }

        @Override
        public List<SettingKey> settingKeys() {
            return List.of(
                    new SettingKey("TESTKIND_ENABLED", SettingType.BOOLEAN, "False", false, ""));
        }

        @Override
        public Optional<String> enabledBy() {
            return Optional.of("TESTKIND_ENABLED");
        }

        @Override
        public Notifier create(Settings settings, Clock clock) {
            return new RecordingKind(builds);
        }
    }

    record RecordingKind(String kind) implements Notifier {
        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode parseConfig(
                com.fasterxml.jackson.databind.node.ObjectNode request) {
            return request;
        }

        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode describe(
                com.fasterxml.jackson.databind.node.ObjectNode storedConfig) {
            return storedConfig;
        }

        @Override
        public boolean wants(
                io.mychecks.core.channels.Channel channel,
                com.fasterxml.jackson.databind.node.ObjectNode storedConfig,
                io.mychecks.core.checks.CheckStatus status) {
            return true;
        }

        @Override
        public Delivery deliver(
                Alert alert, com.fasterxml.jackson.databind.node.ObjectNode storedConfig) {
            return Delivery.ok();
        }
    }

    @Test
    void aKindsOwnSwitchUsesItsOwnDefaultWhenUnset() {
        List<NotifierFactory> kinds = List.of(new TestKind("testkind"));
        assertThat(
                        NotifierRegistry.of(kinds, Settings.of(Map.of()), Clock.systemUTC())
                                .find("testkind"))
                .isEmpty();
        assertThat(
                        NotifierRegistry.of(
                                        kinds,
                                        Settings.of(Map.of("TESTKIND_ENABLED", "True")),
                                        Clock.systemUTC())
                                .find("testkind"))
                .isPresent();
    }

    @Test
    void saysWhyAKindHasNoNotifier() {
        NotifierRegistry r =
                NotifierRegistry.of(
                        List.of(new TestKind("testkind")),
                        Settings.of(Map.of()),
                        Clock.systemUTC());
        assertThat(r.unavailable("testkind"))
                .isEqualTo("Integration kind 'testkind' is switched off (TESTKIND_ENABLED=False)");
        assertThat(r.unavailable("gone")).isEqualTo("Integration kind 'gone' is not available");
    }

    @Test
    void aFactoryThatBuildsAnotherKindIsRefused() {
        assertThatThrownBy(
                        () ->
                                NotifierRegistry.of(
                                        List.of(new TestKind("other")),
                                        Settings.of(Map.of("TESTKIND_ENABLED", "True")),
                                        Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("testkind");
    }

    /** What every registered kind promises; a new kind that breaks it fails here. */
    @Test
    void everyRegisteredKindDescribesItselfConsistently() {
        List<NotifierFactory> kinds =
                ServiceLoader.load(NotifierFactory.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList();
        assertThat(kinds).extracting(NotifierFactory::kind).doesNotHaveDuplicates();
        for (NotifierFactory k : kinds) {
            assertThat(k.kind()).as("kind name").matches("[a-z][a-z0-9_]*");
            assertThat(k.label()).as(k.kind() + " label").isNotBlank();
            assertThat(k.fields()).as(k.kind() + " fields").isNotEmpty();
            assertThat(k.fields())
                    .extracting(ConfigField::name)
                    .as(k.kind() + " field names")
                    .doesNotHaveDuplicates()
                    .doesNotContain("kind", "name");
            k.enabledBy()
                    .ifPresent(
                            key ->
                                    assertThat(k.settingKeys())
                                            .as(k.kind() + " switch")
                                            .anySatisfy(
                                                    s -> {
                                                        assertThat(s.name()).isEqualTo(key);
                                                        assertThat(s.type())
                                                                .isEqualTo(SettingType.BOOLEAN);
                                                    }));
        }
    }
}
