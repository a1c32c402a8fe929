package io.mychecks.http.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingKind;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PingTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Check newCheck() {
        return t.fx.aliceCheck(b -> b.name = "backup");
    }

    List<Ping> pings(Check c) {
        return t.app.database()
                .inTransaction(cfg -> t.app.pings().recent(cfg.dsl(), c.id(), 0, 100));
    }

    @Test
    void successPingAnswersOkAndMarksCheckUp() {
        Check c = newCheck();
        Resp r = t.get("/ping/" + c.code());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("Ping-Body-Limit")).isEqualTo("10000");
        assertThat(r.header("Cache-Control")).contains("no-cache");
        Check after = t.fx.reload(c);
        assertThat(after.state().status()).isEqualTo(CheckStatus.UP);
        assertThat(after.state().nPings()).isEqualTo(1);
        assertThat(after.state().alertAfter())
                .isEqualTo(after.state().lastPing().plusSeconds(86400 + 3600));
    }

    @Test
    void trailingSlashIsAcceptedOnTheUuidForm() {
        Check c = newCheck();
        assertThat(t.get("/ping/" + c.code() + "/").status()).isEqualTo(200);
        assertThat(t.get("/ping/" + c.code() + "/fail/").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {";x", ";", ";a=b", "/fail;x", ";x/fail", "/0;x", "/;x"})
    void pathParametersAreNotStrippedSoTheUrlIsUnknown(String suffix) {
        Check c = newCheck();
        Resp r = t.get("/ping/" + c.code() + suffix);
        assertThat(r.status()).isEqualTo(404);
        assertThat(pings(c)).isEmpty();
        assertThat(t.fx.reload(c).state().nPings()).isZero();
    }

    @Test
    void aSemicolonInTheQueryIsNoPathParameter() {
        Check c = newCheck();
        assertThat(t.get("/ping/" + c.code() + "?x=1;2").status()).isEqualTo(200);
        assertThat(t.get("/ping/" + c.code() + "/fail?a;b").status()).isEqualTo(200);
        assertThat(pings(c)).hasSize(2);
    }

    @Test
    void anEncodedSlashIsAPathSeparatorAsInTheReference() {
        Check c = newCheck();
        Resp r = t.get("/ping/" + c.code() + "%2Ffail");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
        assertThat(pings(c))
                .singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(PingKind.FAIL));
        assertThat(t.get("/ping/" + c.code() + "%2f0").status()).isEqualTo(200);
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
    void everyMethodIsRecorded(String method) {
        Check c = newCheck();
        Resp r = t.request(method, "/ping/" + c.code(), "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(pings(c))
                .singleElement()
                .satisfies(p -> assertThat(p.method()).isEqualTo(method));
    }

    @Test
    void startThenSuccessRecordsDuration() {
        Check c = newCheck();
        t.get("/ping/" + c.code() + "/start");
        assertThat(t.fx.reload(c).state().lastStart()).isNotNull();
        t.clock.advance(java.time.Duration.ofSeconds(42));
        t.get("/ping/" + c.code());
        Check after = t.fx.reload(c);
        assertThat(after.state().lastStart()).isNull();
        assertThat(after.state().lastDurationMs()).isEqualTo(42_000L);
        assertThat(pings(c).get(0).durationMs()).isEqualTo(42_000L);
    }

    @Test
    void failPingMarksCheckDownAndStoresAFlip() {
        Check c = newCheck();
        Resp r = t.get("/ping/" + c.code() + "/fail");
        assertThat(r.body()).isEqualTo("OK");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
        var flips =
                t.app.database()
                        .inTransaction(
                                cfg -> t.app.flips().forCheck(cfg.dsl(), c.id(), null, null));
        assertThat(flips)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.newStatus()).isEqualTo(CheckStatus.DOWN);
                            assertThat(f.reason()).isEqualTo("fail");
                            assertThat(f.processed()).isNull();
                        });
    }

    @Test
    void exitStatusZeroIsSuccessAndNonZeroIsFailure() {
        Check c = newCheck();
        assertThat(t.get("/ping/" + c.code() + "/0").status()).isEqualTo(200);
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
        assertThat(t.get("/ping/" + c.code() + "/7").status()).isEqualTo(200);
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
        assertThat(pings(c).get(0).exitStatus()).isEqualTo(7);
        assertThat(pings(c).get(0).kind()).isEqualTo(PingKind.FAIL);
    }

    @Test
    void exitStatusAbove255IsRejected() {
        Check c = newCheck();
        Resp r = t.get("/ping/" + c.code() + "/256");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("invalid url format");
        assertThat(pings(c)).isEmpty();
        assertThat(t.get("/ping/" + c.code() + "/-1").status()).isEqualTo(404);
    }

    @Test
    void logPingChangesNoStatus() {
        Check c = newCheck();
        t.get("/ping/" + c.code() + "/log");
        Check after = t.fx.reload(c);
        assertThat(after.state().status()).isEqualTo(CheckStatus.NEW);
        assertThat(after.state().nPings()).isEqualTo(1);
        assertThat(pings(c).get(0).kind()).isEqualTo(PingKind.LOG);
    }

    @Test
    void unknownAndMalformedChecksAreNotFound() {
        assertThat(t.get("/ping/6e1bbe4b-21b3-4e3a-9d7b-26f8c0b3b0e5").body())
                .isEqualTo("not found");
        assertThat(t.get("/ping/6e1bbe4b-21b3-4e3a-9d7b-26f8c0b3b0e5").status()).isEqualTo(404);
        assertThat(t.get("/ping/not-a-uuid").status()).isEqualTo(404);
        Check c = newCheck();
        assertThat(t.get("/ping/" + c.code().toString().toUpperCase()).status()).isEqualTo(404);
        assertThat(t.get("/ping/" + c.code().toString().replace("-", "")).status()).isEqualTo(404);
        assertThat(t.get("/ping/").status()).isEqualTo(404);
    }

    @Test
    void badRidIsRejectedAndGoodRidIsStored() {
        Check c = newCheck();
        Resp bad = t.get("/ping/" + c.code() + "?rid=not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("invalid uuid format");
        String rid = "5FF2D4B8-0D11-4C8F-9B63-1D0F3E6C1A2B";
        t.get("/ping/" + c.code() + "/start?rid=" + rid);
        t.clock.advance(java.time.Duration.ofSeconds(5));
        t.get("/ping/" + c.code() + "?rid=" + rid);
        assertThat(pings(c).get(0).rid()).isEqualTo(rid.toLowerCase());
        assertThat(pings(c).get(0).durationMs()).isEqualTo(5000L);
    }

    @Test
    void postBodyIsStoredAndCutToTheLimit() {
        Check c = newCheck();
        byte[] big = new byte[15_000];
        java.util.Arrays.fill(big, (byte) 'x');
        assertThat(t.request("POST", "/ping/" + c.code(), big).status()).isEqualTo(200);
        Ping p =
                t.app.database()
                        .inTransaction(
                                cfg -> t.app.pings().find(cfg.dsl(), c.id(), 1).orElseThrow());
        assertThat(p.body()).hasSize(10_000);
    }

    @Test
    void nonUtf8BodyIsStoredAsBytes() {
        Check c = newCheck();
        byte[] body = {(byte) 0xff, (byte) 0xfe, 0, 1, 2};
        assertThat(t.request("POST", "/ping/" + c.code(), body).status()).isEqualTo(200);
        Ping p =
                t.app.database()
                        .inTransaction(
                                cfg -> t.app.pings().find(cfg.dsl(), c.id(), 1).orElseThrow());
        assertThat(p.body()).isEqualTo(body);
    }

    @Test
    void requestBodyOverTheHardCapIsRejected() {
        Check c = newCheck();
        byte[] huge = new byte[PingHandler.MAX_REQUEST_BODY + 1];
        assertThat(t.request("POST", "/ping/" + c.code(), huge).status()).isEqualTo(400);
        assertThat(pings(c)).isEmpty();
    }

    @Test
    void postOnlyCheckIgnoresGet() {
        Check c = t.fx.aliceCheck(b -> b.methods = "POST");
        assertThat(t.get("/ping/" + c.code()).body()).isEqualTo("OK");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.NEW);
        assertThat(pings(c).get(0).kind()).isEqualTo(PingKind.IGN);
        t.post("/ping/" + c.code(), "");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void httpBodyFilterReclassifiesEvenFailUrls() {
        Check c =
                t.fx.aliceCheck(
                        b -> {
                            b.filterHttpBody = true;
                            b.successKw = "ALL GOOD";
                            b.failureKw = "ERROR, FATAL";
                        });
        t.post("/ping/" + c.code() + "/fail", "backup finished: ALL GOOD");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
        t.post("/ping/" + c.code(), "FATAL: disk full");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
        t.post("/ping/" + c.code(), "nothing to see");
        assertThat(pings(c).get(0).kind()).isEqualTo(PingKind.IGN);
    }

    @Test
    void userAgentIsCutTo200Characters() {
        Check c = newCheck();
        t.get("/ping/" + c.code(), "User-Agent", "u".repeat(300));
        assertThat(pings(c).get(0).ua()).hasSize(200);
    }

    @Test
    void forwardedForIsRecordedAsTheReferenceDoesButForwardedProtoNeedsTheSetting() {
        Check c = newCheck();
        t.get(
                "/ping/" + c.code(),
                "X-Forwarded-For",
                "203.0.113.9:5555, 10.0.0.1",
                "X-Forwarded-Proto",
                "https");
        Ping p = pings(c).get(0);
        assertThat(p.remoteAddr()).isEqualTo("203.0.113.9");
        assertThat(p.scheme()).isEqualTo("http");
    }

    @ParameterizedTest
    @CsvSource({
        "'10.9.9.9, 192.0.2.0/24', 127.0.0.1, http",
        "'127.0.0.1', 203.0.113.9, https",
        "'127.0.0.0/8, ::1', 203.0.113.9, https",
    })
    void trustedProxiesAndSecureProxySslHeaderDecideWhatIsBelieved(
            String proxies, String address, String scheme) {
        Map<String, String> settings =
                Map.of(
                        "TRUSTED_PROXIES",
                        proxies,
                        "SECURE_PROXY_SSL_HEADER",
                        "HTTP_X_FORWARDED_PROTO,https");
        try (TestApp other = new TestApp(settings)) {
            Check c = other.fx.aliceCheck(b -> b.name = "proxied");
            other.get(
                    "/ping/" + c.code(),
                    "X-Forwarded-For",
                    "203.0.113.9",
                    "X-Forwarded-Proto",
                    "https");
            Ping p = recent(other, c);
            assertThat(p.remoteAddr()).isEqualTo(address);
            assertThat(p.scheme()).isEqualTo(scheme);
        }
    }

    static Ping recent(TestApp app, Check c) {
        return app.app
                .database()
                .inTransaction(cfg -> app.app.pings().recent(cfg.dsl(), c.id(), 0, 1))
                .get(0);
    }

    @Test
    void forwardedForThatIsNotAnAddressRecordsThePeer() {
        Check c = newCheck();
        for (String header : new String[] {"x".repeat(300), "unknown", "1.2.3.4<script>", ""}) {
            Resp r = t.get("/ping/" + c.code(), "X-Forwarded-For", header);
            assertThat(r.status()).as(header).isEqualTo(200);
            assertThat(pings(c).get(0).remoteAddr()).as(header).isEqualTo("127.0.0.1");
        }
        t.get("/ping/" + c.code(), "X-Forwarded-For", "2001:db8::1, 10.0.0.1");
        assertThat(pings(c).get(0).remoteAddr()).isEqualTo("2001:db8::1");
    }

    @Test
    void theLastRidAndCreateOfARepeatedParameterCount() {
        Check c = newCheck();
        String rid = "5ff2d4b8-0d11-4c8f-9b63-1d0f3e6c1a2b";
        assertThat(t.get("/ping/" + c.code() + "?rid=junk&rid=" + rid).status()).isEqualTo(200);
        assertThat(pings(c).get(0).rid()).isEqualTo(rid);
        assertThat(t.get("/ping/" + c.code() + "?rid=" + rid + "&rid=junk").status())
                .isEqualTo(400);
    }

    @Test
    void aUuidFollowedByASlugIsTheSlugForm() {
        Check c = newCheck();
        Resp upper = t.get("/ping/" + c.code() + "/Nightly");
        assertThat(upper.status()).isEqualTo(400);
        assertThat(upper.body()).isEqualTo("invalid url format");
        assertThat(t.get("/ping/" + c.code() + "/nightly").status()).isEqualTo(404);
        assertThat(t.get("/ping/" + c.code() + "/nightly/start").status()).isEqualTo(404);
        assertThat(t.get("/ping/" + c.code() + "/start/fail").status()).isEqualTo(404);
        assertThat(t.fx.reload(c).state().nPings()).isZero();
    }
}
