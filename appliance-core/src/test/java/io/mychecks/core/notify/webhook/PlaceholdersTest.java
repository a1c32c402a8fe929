package io.mychecks.core.notify.webhook;

import static io.mychecks.core.testing.SampleAlerts.alert;
import static io.mychecks.core.testing.SampleAlerts.channel;
import static io.mychecks.core.testing.SampleAlerts.check;
import static io.mychecks.core.testing.SampleAlerts.ping;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.webhook.Placeholders.Target;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingKind;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    static final String CODE = "5f7c1e0a-8b2d-4c3e-9f1a-2b3c4d5e6f70";

    static Placeholders of(Consumer<CheckConfig.Builder> edit, CheckStatus status, Ping last) {
        return Placeholders.of(alert(channel("webhook", "{}", false), check(edit), status, last));
    }

    static Placeholders down() {
        return of(b -> {}, CheckStatus.DOWN, ping(PingKind.FAIL, "line 1\n\"quoted\" é", 3));
    }

    @Test
    void everyPlaceholderIsFilledInTheBody() {
        Placeholders p = down();
        assertThat(
                        p.fill(
                                "$CODE|$STATUS|$NOW|$NAME|$TAGS|$TAG1|$TAG2|$SLUG|$EXITSTATUS",
                                Target.BODY))
                .isEqualTo(
                        CODE + "|down|2026-03-01T10:00:00+00:00|backup|prod db|prod|db|backup|3");
        assertThat(p.fill("$NAME_JSON $BODY_JSON", Target.BODY))
                .isEqualTo("\"backup\" \"line 1\\n\\\"quoted\\\" \\u00E9\"");
        assertThat(p.fill("[$BODY]", Target.BODY)).isEqualTo("[line 1\n\"quoted\" é]");
        assertThat(p.fill("$JSON", Target.BODY))
                .isEqualTo("{\"name\": \"backup\", \"status\": \"down\"}");
    }

    @Test
    void statusIsUpOnRecovery() {
        assertThat(of(b -> {}, CheckStatus.UP, null).fill("$STATUS", Target.BODY)).isEqualTo("up");
    }

    @Test
    void exitStatusIsMinusOneWithoutOne() {
        assertThat(of(b -> {}, CheckStatus.DOWN, null).fill("$EXITSTATUS", Target.BODY))
                .isEqualTo("-1");
        assertThat(
                        of(b -> {}, CheckStatus.DOWN, ping(PingKind.FAIL, null, null))
                                .fill("$EXITSTATUS", Target.URL))
                .isEqualTo("-1");
        assertThat(of(b -> {}, CheckStatus.DOWN, null).fill("[$BODY]", Target.BODY))
                .isEqualTo("[]");
    }

    @Test
    void urlValuesArePercentEncodedExceptCodeStatusSlugAndExitStatus() {
        Placeholders p =
                of(
                        b -> {
                            b.name = "a b/c&d=é";
                            b.slug = "my-slug";
                            b.tags = "x&y";
                        },
                        CheckStatus.DOWN,
                        ping(PingKind.FAIL, "", 2));
        assertThat(
                        p.fill(
                                "http://h/$CODE/$STATUS/$SLUG/$EXITSTATUS?n=$NAME&t=$TAGS&t1=$TAG1",
                                Target.URL))
                .isEqualTo(
                        "http://h/"
                                + CODE
                                + "/down/my-slug/2?n=a%20b/c%26d%3D%C3%A9&t=x%26y&t1=x%26y");
        assertThat(p.fill("?now=$NOW&j=$NAME_JSON", Target.URL))
                .isEqualTo("?now=2026-03-01T10%3A00%3A00%2B00%3A00&j=%22a%20b/c%26d%3D%5Cu00E9%22");
    }

    @Test
    void valuesAreNotEncodedInBodiesOrHeaders() {
        Placeholders p = of(b -> b.name = "a b&c", CheckStatus.DOWN, null);
        assertThat(p.fill("$NAME", Target.BODY)).isEqualTo("a b&c");
        assertThat(p.fill("$NAME", Target.HEADER)).isEqualTo("a b&c");
    }

    @Test
    void tag10ReadsAsTag1FollowedByZero() {
        Placeholders p = of(b -> b.tags = "a b c d e f g h i j k", CheckStatus.DOWN, null);
        assertThat(p.fill("$TAG10,$TAG11,$TAG9,$TAG2", Target.BODY)).isEqualTo("a0,a1,i,b");
        Placeholders one = of(b -> b.tags = "only", CheckStatus.DOWN, null);
        assertThat(one.fill("$TAG10 $TAG2", Target.BODY)).isEqualTo("only0 $TAG2");
    }

    @Test
    void valuesContainingDollarSignsAreNotExpandedAgain() {
        Placeholders p =
                of(
                        b -> {
                            b.name = "$STATUS $CODE";
                            b.tags = "$NAME";
                        },
                        CheckStatus.DOWN,
                        ping(PingKind.FAIL, "$NAME", null));
        assertThat(p.fill("$NAME|$TAG1|$BODY", Target.BODY)).isEqualTo("$STATUS $CODE|$NAME|$NAME");
    }

    @Test
    void longerKeysWinOverTheirPrefixes() {
        Placeholders p = down();
        assertThat(p.fill("$NAME_JSON", Target.BODY)).isEqualTo("\"backup\"");
        assertThat(p.fill("$NAMEX $NAME_", Target.BODY)).isEqualTo("backupX backup_");
        assertThat(p.fill("$TAGS$TAG1", Target.BODY)).isEqualTo("prod dbprod");
    }

    @Test
    void bodyPlaceholdersStayLiteralOutsideTheBody() {
        Placeholders p = down();
        assertThat(p.fill("/x?b=$BODY&j=$BODY_JSON", Target.URL))
                .isEqualTo("/x?b=$BODY&j=$BODY_JSON");
        assertThat(p.fill("$BODY", Target.HEADER)).isEqualTo("$BODY");
    }

    @Test
    void unknownPlaceholdersAndLoneDollarsStay() {
        assertThat(down().fill("$FOO $ $$STATUS $status", Target.BODY))
                .isEqualTo("$FOO $ $down $status");
    }

    @Test
    void emptyNameFillsEmpty() {
        assertThat(of(b -> b.name = "", CheckStatus.DOWN, null).fill("[$NAME]", Target.BODY))
                .isEqualTo("[]");
    }
}
