package io.mychecks.core.pings;

import io.mychecks.core.testing.PureChecks;
import java.nio.charset.StandardCharsets;

/** Ping events for the pure tests: HTTP pings with a method, body and rid, and email pings. */
final class PingEvents {
    private PingEvents() {}

    static PingEvent http(PingKind kind, String method, String rid, byte[] body) {
        return new PingEvent(
                CheckRef.byCode(PureChecks.CODE),
                kind,
                null,
                rid,
                body,
                "192.0.2.1",
                "https",
                method,
                "curl/8",
                false,
                null,
                null);
    }

    static PingEvent http(PingKind kind, String method, String body) {
        return http(
                kind, method, null, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static PingEvent get(PingKind kind) {
        return http(kind, "GET", null, null);
    }

    static PingEvent withRid(PingKind kind, String rid) {
        return http(kind, "POST", rid, null);
    }

    static PingEvent email(String subject, String text) {
        return new PingEvent(
                CheckRef.byCode(PureChecks.CODE),
                PingKind.SUCCESS,
                null,
                null,
                "Subject: whatever\r\n\r\nraw".getBytes(StandardCharsets.US_ASCII),
                "192.0.2.2",
                "email",
                "",
                "Email from cron@example.org",
                false,
                new PingEvent.EmailContent(subject, text),
                null);
    }
}
