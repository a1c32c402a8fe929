package io.mychecks.http.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PingBySlugTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    @Test
    void slugPingFindsTheCheck() {
        Check c = t.fx.aliceCheck(b -> b.slug = "nightly-db");
        Resp r = t.get("/ping/" + t.fx.alicePingKey + "/nightly-db");
        assertThat(r.status()).isEqualTo(200);
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
        t.get("/ping/" + t.fx.alicePingKey + "/nightly-db/fail");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
        t.get("/ping/" + t.fx.alicePingKey + "/nightly-db/0");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void unknownSlugOrKeyIsNotFound() {
        assertThat(t.get("/ping/" + t.fx.alicePingKey + "/no-such").status()).isEqualTo(404);
        assertThat(t.get("/ping/aaaaaaaaaaaaaaaaaaaaaa/no-such?create=1").status()).isEqualTo(404);
    }

    @Test
    void upperCaseSlugIsInvalid() {
        Resp r = t.get("/ping/" + t.fx.alicePingKey + "/Nightly");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("invalid url format");
    }

    @Test
    void trailingSlashOnSlugUrlIsNotFound() {
        t.fx.aliceCheck(b -> b.slug = "with-slash");
        assertThat(t.get("/ping/" + t.fx.alicePingKey + "/with-slash/").status()).isEqualTo(404);
    }

    @Test
    void duplicateSlugIsAmbiguous() {
        t.fx.aliceCheck(b -> b.slug = "twin");
        t.fx.aliceCheck(b -> b.slug = "twin");
        Resp r = t.get("/ping/" + t.fx.alicePingKey + "/twin");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).isEqualTo("ambiguous slug");
    }

    @Test
    void createOneProvisionsTheCheckOnce() {
        Resp first = t.get("/ping/" + t.fx.alicePingKey + "/provisioned?create=1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("Created");
        Resp second = t.get("/ping/" + t.fx.alicePingKey + "/provisioned?create=1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("OK");
    }

    @Test
    void aSlugLongerThanASlugCanBeIsRefusedNotStored() {
        String slug = "s".repeat(101);
        assertThat(t.get("/ping/" + t.fx.alicePingKey + "/" + slug).status()).isEqualTo(404);
        Resp create = t.get("/ping/" + t.fx.alicePingKey + "/" + slug + "?create=1");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.body()).isEqualTo("invalid url format");
        String longest = "s".repeat(100);
        assertThat(t.get("/ping/" + t.fx.alicePingKey + "/" + longest + "?create=1").status())
                .isEqualTo(201);
    }
}
