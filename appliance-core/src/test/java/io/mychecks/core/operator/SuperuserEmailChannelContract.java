package io.mychecks.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.Appliance;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The email channel {@code createsuperuser} makes, stored and read back, once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SuperuserEmailChannelContract {
    TestDatabase db;
    Appliance app;

    abstract TestDatabase open();

    @BeforeAll
    void start() {
        db = open();
        app =
                new Appliance(
                        Settings.of(Map.of("SECRET_KEY", "k", "DATA_DIR", "target/unused")),
                        MutableClock.at("2026-03-01T12:00:00Z"),
                        db.database());
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ops@example.org",
                "o\"brien@example.org",
                "back\\slash@example.org",
                "\"}\",\"up\":false,\"x\":\"@example.org",
                "jürgen@exämple.org"
            })
    void theChannelHoldsTheAddressExactlyWithUpAndDownOn(String address) throws Exception {
        User user = app.accounts().createSuperuser(address, "password-123");
        Channel channel = onlyChannelOf(user);
        assertThat(channel.kind()).isEqualTo("email");
        assertThat(channel.emailVerified()).isTrue();
        ObjectNode stored = (ObjectNode) new ObjectMapper().readTree(channel.config());
        assertThat(stored.size()).isEqualTo(3);
        assertThat(stored.path("value").asText()).isEqualTo(address);
        assertThat(stored.path("up").asBoolean(false)).isTrue();
        assertThat(stored.path("down").asBoolean(false)).isTrue();
        assertThat(ChannelConfigs.parse(channel)).isEqualTo(stored);
    }

    @Test
    void theStoredTextIsTheCompactJsonOfValueUpDown() {
        assertThat(AccountService.emailChannelConfig("a\"b\\c@example.org"))
                .isEqualTo("{\"value\":\"a\\\"b\\\\c@example.org\",\"up\":true,\"down\":true}");
    }

    private Channel onlyChannelOf(User user) {
        return db.database()
                .inTransaction(
                        cfg -> {
                            List<Project> owned = app.projects().listForOwner(cfg.dsl(), user.id());
                            assertThat(owned).hasSize(1);
                            List<Channel> channels =
                                    app.channels().listForProject(cfg.dsl(), owned.get(0).id());
                            assertThat(channels).hasSize(1);
                            return channels.get(0);
                        });
    }
}
