package io.mychecks.http.ping;

import io.mychecks.core.pings.PingEvent;

/** The result of parsing a ping URL: an event to record, or an immediate answer. */
public record PingRequest(PingEvent event, int status, String body) {

    static PingRequest of(PingEvent event) {
        return new PingRequest(event, 0, null);
    }

    static PingRequest answer(int status, String body) {
        return new PingRequest(null, status, body);
    }

    public boolean isAnswer() {
        return event == null;
    }
}
