package io.mychecks.core.pings;

import static io.mychecks.core.pings.PingEvents.email;
import static io.mychecks.core.pings.PingEvents.get;
import static io.mychecks.core.pings.PingEvents.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What a ping counts as (spec §3.3 steps 7–9, §3.4 and §3.6), without a database. */
class PingClassifierTest {
    static CheckConfig config(Consumer<CheckConfig.Builder> edit) {
        CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
        edit.accept(b);
        return b.build();
    }

    static final CheckConfig PLAIN = CheckConfig.defaults();

    /** The kind {@code event} counts as on an up check configured by {@code config}. */
    static PingKind classify(PingEvent event, CheckConfig config) {
        return PingClassifier.classify(event, config, CheckStatus.UP);
    }

    /** HTTP body filter on, with a keyword of each kind. */
    static final CheckConfig BODY_FILTER =
            config(
                    b -> {
                        b.filterHttpBody = true;
                        b.startKw = "begin";
                        b.successKw = "SUCCESS, all good ";
                        b.failureKw = "ERROR,FAILED";
                    });

    @Nested
    class HttpPings {
        @ParameterizedTest
        @EnumSource(
                value = PingKind.class,
                names = {"SUCCESS", "START", "FAIL", "LOG"})
        void withoutFiltersTheUrlDecides(PingKind fromUrl) {
            assertThat(classify(get(fromUrl), PLAIN)).isEqualTo(fromUrl);
        }

        @ParameterizedTest(name = "methods={0}, {1}: {2}")
        @CsvSource({
            "POST, POST, SUCCESS",
            "POST, GET, IGN",
            "POST, HEAD, IGN",
            "POST, post, IGN", // methods compare exactly
            "'', GET, SUCCESS",
            "'', PUT, SUCCESS"
        })
        void aCheckThatTakesOnlyPostIgnoresOtherMethods(
                String methods, String method, PingKind expected) {
            CheckConfig c = config(b -> b.methods = methods);
            assertThat(classify(http(PingKind.SUCCESS, method, null), c)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "url {0}, body \"{1}\": {2}")
        @CsvSource({
            "SUCCESS, backup FAILED at 3am, FAIL",
            "SUCCESS, ERROR and SUCCESS both, FAIL", // failure keywords win
            "FAIL, SUCCESS, SUCCESS", // the body decides whatever the URL said
            "LOG, all good, SUCCESS", // keywords are trimmed
            "SUCCESS, begin nightly run, START",
            "SUCCESS, nothing to see, IGN",
            "SUCCESS, success in lower case, IGN", // keywords are case-sensitive
            "SUCCESS, '', IGN"
        })
        void theBodyFilterReclassifiesByKeywords(PingKind fromUrl, String body, PingKind expected) {
            assertThat(classify(http(fromUrl, "POST", body), BODY_FILTER)).isEqualTo(expected);
        }

        @Test
        void noKeywordWithDefaultFailIsAFailure() {
            CheckConfig c =
                    config(
                            b -> {
                                b.filterHttpBody = true;
                                b.successKw = "ok";
                                b.filterDefaultFail = true;
                            });
            assertThat(classify(http(PingKind.SUCCESS, "POST", "nope"), c))
                    .isEqualTo(PingKind.FAIL);
            assertThat(classify(http(PingKind.SUCCESS, "POST", "ok"), c))
                    .isEqualTo(PingKind.SUCCESS);
        }

        @Test
        void aBodyThatIsNotUtf8OrMissingMatchesNoKeyword() {
            byte[] latin1 = {'E', 'R', 'R', 'O', 'R', (byte) 0xE9};
            assertThat(classify(http(PingKind.SUCCESS, "POST", null, latin1), BODY_FILTER))
                    .isEqualTo(PingKind.IGN);
            assertThat(classify(get(PingKind.SUCCESS), BODY_FILTER)).isEqualTo(PingKind.IGN);
        }

        @Test
        void theMethodRuleComesBeforeTheBodyFilter() {
            CheckConfig c =
                    config(
                            b -> {
                                b.filterHttpBody = true;
                                b.failureKw = "ERROR";
                                b.methods = "POST";
                            });
            assertThat(classify(http(PingKind.SUCCESS, "GET", "ERROR"), c)).isEqualTo(PingKind.IGN);
        }

        @Test
        void theBodyFilterIgnoresTheEmailSubjectAndBodySwitches() {
            CheckConfig c =
                    config(
                            b -> {
                                b.filterSubject = true;
                                b.filterBody = true;
                                b.failureKw = "ERROR";
                            });
            assertThat(classify(http(PingKind.SUCCESS, "POST", "ERROR"), c))
                    .isEqualTo(PingKind.SUCCESS);
        }
    }

    @Nested
    class EmailPings {
        @Test
        void withoutFiltersAnEmailIsASuccess() {
            assertThat(classify(email("ERROR", "FAILED"), PLAIN)).isEqualTo(PingKind.SUCCESS);
        }

        @ParameterizedTest(name = "subject filter {0}, body filter {1}: {2}")
        @CsvSource({
            "true, false, FAIL", // the keyword is in the subject
            "false, true, IGN", // only the body is searched, and it has no keyword
            "true, true, FAIL"
        })
        void aKeywordInTheSubjectCountsOnlyWithTheSubjectFilter(
                boolean subject, boolean body, PingKind expected) {
            CheckConfig c = emailFilters(subject, body);
            assertThat(classify(email("Cron: ERROR", "done"), c)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "subject filter {0}, body filter {1}: {2}")
        @CsvSource({"true, false, IGN", "false, true, SUCCESS", "true, true, SUCCESS"})
        void aKeywordInTheBodyCountsOnlyWithTheBodyFilter(
                boolean subject, boolean body, PingKind expected) {
            CheckConfig c = emailFilters(subject, body);
            assertThat(classify(email("Cron report", "backup OK"), c)).isEqualTo(expected);
        }

        @Test
        void startKeywordsAndDefaultFailApplyToEmailToo() {
            CheckConfig start = emailFilters(true, true);
            assertThat(classify(email("job started", ""), start)).isEqualTo(PingKind.START);
            CheckConfig.Builder b = emailFilters(true, true).toBuilder();
            b.filterDefaultFail = true;
            assertThat(classify(email("other", "text"), b.build())).isEqualTo(PingKind.FAIL);
        }

        @Test
        void aMissingSubjectOrTextMatchesNothing() {
            assertThat(classify(email(null, null), emailFilters(true, true)))
                    .isEqualTo(PingKind.IGN);
        }

        @Test
        void emailPingsIgnoreMethodsAndTheHttpBodyFilter() {
            CheckConfig c =
                    config(
                            b -> {
                                b.methods = "POST";
                                b.filterHttpBody = true;
                                b.failureKw = "raw";
                            });
            // the raw message contains "raw", but only HTTP bodies are searched by that filter
            assertThat(classify(email("s", "t"), c)).isEqualTo(PingKind.SUCCESS);
        }

        private CheckConfig emailFilters(boolean subject, boolean body) {
            return config(
                    b -> {
                        b.filterSubject = subject;
                        b.filterBody = body;
                        b.startKw = "started";
                        b.successKw = "OK";
                        b.failureKw = "ERROR";
                    });
        }
    }

    @Nested
    class ManualResume {
        static final CheckConfig MANUAL = config(b -> b.manualResume = true);

        @ParameterizedTest
        @EnumSource(
                value = PingKind.class,
                names = {"SUCCESS", "START", "FAIL", "LOG"})
        void aPausedCheckWithManualResumeIgnoresEveryPing(PingKind fromUrl) {
            assertThat(PingClassifier.classify(get(fromUrl), MANUAL, CheckStatus.PAUSED))
                    .isEqualTo(PingKind.IGN);
            assertThat(PingClassifier.classify(email("s", "t"), MANUAL, CheckStatus.PAUSED))
                    .isEqualTo(PingKind.IGN);
        }

        @Test
        void manualResumeMattersOnlyWhilePaused() {
            assertThat(PingClassifier.classify(get(PingKind.FAIL), MANUAL, CheckStatus.DOWN))
                    .isEqualTo(PingKind.FAIL);
            assertThat(PingClassifier.classify(get(PingKind.SUCCESS), PLAIN, CheckStatus.PAUSED))
                    .isEqualTo(PingKind.SUCCESS);
        }
    }
}
