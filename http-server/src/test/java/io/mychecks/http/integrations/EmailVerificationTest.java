package io.mychecks.http.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.testing.SmtpSink;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailVerificationTest {
    static final Pattern LINK =
            Pattern.compile(
                    "http://localhost:8000(/integrations/[0-9a-f-]{36}/verify/[0-9a-f]{64}/)");
    SmtpSink sink;
    TestApp t;

    @BeforeAll
    void start() {
        sink = new SmtpSink();
        Map<String, String> settings = new HashMap<>(sink.settings());
        settings.put("EMAIL_USE_VERIFICATION", "True");
        t = new TestApp(settings);
    }

    @AfterAll
    void stop() {
        t.close();
        sink.close();
    }

    @BeforeEach
    void clearSink() {
        sink.clear();
    }

    Channel create(TestApp app, String address) throws Exception {
        Resp r =
                app.post(
                        "/api/v3/channels/",
                        "{\"kind\": \"email\", \"value\": \"" + address + "\"}",
                        "X-Api-Key",
                        app.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(201);
        UUID code = UUID.fromString(new ObjectMapper().readTree(r.body()).get("id").asText());
        return reload(app, code);
    }

    static Channel reload(TestApp app, UUID code) {
        return app.app.channels().findByCode(app.app.database().dsl(), code).orElseThrow();
    }

    String linkPath(SmtpSink.Received m) {
        Matcher matcher = LINK.matcher(m.text());
        assertThat(matcher.find()).as(m.text()).isTrue();
        assertThat(m.html()).contains("href=\"" + matcher.group() + "\"");
        return matcher.group(1);
    }

    @Test
    void ownersAddressIsVerifiedAtOnce() throws Exception {
        Channel c = create(t, "Alice@Example.org");
        assertThat(c.emailVerified()).isTrue();
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void otherAddressGetsALinkAndIsVerifiedOnceItIsFollowed() throws Exception {
        Channel c = create(t, "ops@example.org");
        assertThat(c.emailVerified()).isFalse();
        SmtpSink.Received m = sink.single();
        assertThat(m.recipients()).containsExactly("ops@example.org");
        String path = linkPath(m);
        assertThat(path).startsWith("/integrations/" + c.code() + "/verify/");

        Resp page = t.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Email address verified", "ops@example.org");
        assertThat(reload(t, c.code()).emailVerified()).isTrue();
        assertThat(t.get(path).status()).isEqualTo(200); // following it twice is harmless
    }

    @Test
    void wrongTokensAreRefused() throws Exception {
        Channel c = create(t, "second@example.org");
        Channel other = create(t, "third@example.org");
        String otherToken = linkPath(sink.messages().get(1)).split("/")[4];
        for (String path :
                new String[] {
                    "/integrations/" + c.code() + "/verify/" + "0".repeat(64) + "/",
                    "/integrations/" + c.code() + "/verify/" + otherToken + "/",
                    "/integrations/not-a-uuid/verify/" + otherToken + "/",
                    "/integrations/" + UUID.randomUUID() + "/verify/abc/"
                }) {
            Resp r = t.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.body()).contains("not valid");
        }
        assertThat(reload(t, c.code()).emailVerified()).isFalse();
        assertThat(reload(t, other.code()).emailVerified()).isFalse();
    }

    @Test
    void addressIsEscapedOnThePage() throws Exception {
        create(t, "a&b'x@example.org");
        Resp page = t.get(linkPath(sink.single()));
        assertThat(page.body()).contains("a&amp;b&#x27;x@example.org").doesNotContain("a&b'x");
    }

    @Test
    void verificationOffVerifiesEveryAddress() throws Exception {
        Map<String, String> settings = new HashMap<>(sink.settings());
        settings.put("EMAIL_USE_VERIFICATION", "False");
        try (TestApp off = new TestApp(settings)) {
            assertThat(create(off, "ops@example.org").emailVerified()).isTrue();
        }
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void channelIsCreatedEvenWhenTheLinkCannotBeSent() throws Exception {
        try (TestApp noMail = new TestApp(Map.of("EMAIL_HOST", ""))) {
            assertThat(create(noMail, "ops@example.org").emailVerified()).isFalse();
        }
    }
}
