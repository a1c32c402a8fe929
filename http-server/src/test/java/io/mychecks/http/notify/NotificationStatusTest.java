package io.mychecks.http.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.notify.SentNotification;
import io.mychecks.http.testing.NotificationRows;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code POST /api/vN/notifications/<uuid>/status}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationStatusTest {
    static final String FORM = "application/x-www-form-urlencoded";
    TestApp t;
    NotificationRows rows;

    @BeforeAll
    void start() {
        t = new TestApp();
        rows = new NotificationRows(t);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Channel channel() {
        return rows.channel("sms", "{}");
    }

    SentNotification notification(Channel ch, Duration age) {
        return rows.notification(ch, age);
    }

    Resp post(SentNotification n, String form) {
        return t.post("/api/v3/notifications/" + n.code() + "/status", form, "Content-Type", FORM);
    }

    SentNotification reload(SentNotification n) {
        return rows.reload(n);
    }

    Channel reload(Channel ch) {
        return rows.reload(ch);
    }

    @Test
    void errorIsRecordedOnNotificationAndChannel() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(1));
        Resp r = post(n, "error=Invalid%20recipient");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(reload(n).error()).isEqualTo("Invalid recipient");
        assertThat(reload(ch).lastError()).isEqualTo("Invalid recipient");
        assertThat(reload(ch).disabled()).isFalse();
    }

    @Test
    void markDisabledDisablesTheChannel() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(1));
        post(n, "error=Unsubscribed&mark_disabled=1");
        assertThat(reload(ch).disabled()).isTrue();
        assertThat(reload(ch).lastError()).isEqualTo("Unsubscribed");
    }

    @Test
    void twilioFailedMessageIsADeliveryFailure() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(1));
        assertThat(post(n, "MessageSid=SM1&MessageStatus=failed").status()).isEqualTo(200);
        assertThat(reload(n).error()).isEqualTo("Delivery failed (status=failed).");
        assertThat(reload(ch).lastError()).isEqualTo("Delivery failed (status=failed).");
    }

    @Test
    void deliveredMessageChangesNothing() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(1));
        assertThat(post(n, "MessageStatus=delivered").status()).isEqualTo(200);
        assertThat(reload(n).error()).isEmpty();
    }

    @Test
    void longErrorIsCutTo200Characters() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(1));
        post(n, "error=" + "x".repeat(500));
        assertThat(reload(n).error()).hasSize(200);
    }

    @Test
    void reportOnANotificationOlderThanAnHourIsIgnored() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(90));
        assertThat(post(n, "error=late").status()).isEqualTo(200);
        assertThat(reload(n).error()).isEmpty();
        assertThat(reload(ch).lastError()).isEmpty();
    }

    @Test
    void unknownNotificationAndEmptyBodyStillAnswerOk() {
        assertThat(
                        t.post(
                                        "/api/v3/notifications/5d0a0e4e-0000-4000-8000-000000000000/status",
                                        "error=x",
                                        "Content-Type",
                                        FORM)
                                .status())
                .isEqualTo(200);
        SentNotification n = notification(channel(), Duration.ofMinutes(1));
        assertThat(t.post("/api/v1/notifications/" + n.code() + "/status", "").status())
                .isEqualTo(200);
        assertThat(
                        t.post(
                                        "/api/v2/notifications/" + n.code() + "/status",
                                        "{\"error\": \"json\"}",
                                        "Content-Type",
                                        "application/json")
                                .status())
                .isEqualTo(200);
        assertThat(reload(n).error()).isEmpty();
    }

    @Test
    void multipartFormIsReadToo() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(1));
        String body =
                "--XyZ\r\nContent-Disposition: form-data; name=\"error\"\r\n\r\nmultipart error\r\n--XyZ--\r\n";
        t.post(
                "/api/v3/notifications/" + n.code() + "/status",
                body,
                "Content-Type",
                "multipart/form-data; boundary=XyZ");
        assertThat(reload(n).error()).isEqualTo("multipart error");
    }

    @Test
    void otherMethodsAreNotAllowed() {
        SentNotification n = notification(channel(), Duration.ofMinutes(1));
        Resp r = t.get("/api/v3/notifications/" + n.code() + "/status");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("POST");
        assertThat(
                        t.request("PUT", "/api/v3/notifications/" + n.code() + "/status", "error=x")
                                .status())
                .isEqualTo(405);
    }

    @Test
    void malformedCodeOrVersionIsNotFound() {
        assertThat(
                        t.post(
                                        "/api/v3/notifications/not-a-uuid/status",
                                        "error=x",
                                        "Content-Type",
                                        FORM)
                                .status())
                .isEqualTo(404);
        assertThat(
                        t.post(
                                        "/api/v3/notifications/5D0A0E4E-0000-4000-8000-000000000000/status",
                                        "",
                                        "Content-Type",
                                        FORM)
                                .status())
                .isEqualTo(404);
        assertThat(
                        t.post(
                                        "/api/v9/notifications/5d0a0e4e-0000-4000-8000-000000000000/status",
                                        "",
                                        "Content-Type",
                                        FORM)
                                .status())
                .isEqualTo(404);
    }

    @Test
    void badPercentEncodingStillGetsItsOk() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(1));
        for (String form : new String[] {"%", "a=%", "a=%2", "a=%zz", "%%%"}) {
            Resp r = post(n, form);
            assertThat(r.status()).as(form).isEqualTo(200);
        }
        assertThat(reload(ch).disabled()).isFalse();
    }
}
