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
            assertThat(PingClassifier.classify(get(fromUrl), PLAIN, CheckStatus.UP)).isEqualTo(fromUrl);
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
            assertThat(PingClassifier.classify(http(PingKind.SUCCESS, method, null), c, CheckStatus.UP))
                    .isEqualTo(expected);
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
            assertThat(PingClassifier.classify(http(fromUrl, "POST", body), BODY_FILTER, CheckStatus.UP))
                    .isEqualTo(expected);
        }

        @Test
        void noKeywordWithDefaultFailIsAFailure() {
            CheckConfig c = config(b -> {
                b.filterHttpBody = true;
                b.successKw = "ok";
                b.filterDefaultFail = true;
            });
            assertThat(PingClassifier.classify(http(PingKind.SUCCESS, "POST", "nope"), c, CheckStatus.UP))
                    .isEqualTo(PingKind.FAIL);
            assertThat(PingClassifier.classify(http(PingKind.SUCCESS, "POST", "ok"), c, CheckStatus.UP))
                    .isEqualTo(PingKind.SUCCESS);
        }

        @Test
        void aBodyThatIsNotUtf8OrMissingMatchesNoKeyword() {
            byte[] latin1 = {'E', 'R', 'R', 'O', 'R', (byte) 0xE9};
            assertThat(
                            PingClassifier.classify(
                                    http(PingKind.SUCCESS, "POST", null, latin1),
                                    BODY_FILTER,
                                    CheckStatus.UP))
                    .isEqualTo(PingKind.IGN);
            assertThat(PingClassifier.classify(get(PingKind.SUCCESS), BODY_FILTER, CheckStatus.UP))
                    .isEqualTo(PingKind.IGN);
        }

        @Test
        void theMethodRuleComesBeforeTheBodyFilter() {
            CheckConfig c = config(b -> {
                b.filterHttpBody = true;
                b.failureKw = "ERROR";
                b.methods = "POST";
            });
            assertThat(PingClassifier.classify(http(PingKind.SUCCESS, "GET", "ERROR"), c, CheckStatus.UP))
                    .isEqualTo(PingKind.IGN);
        }

        @Test
        void theBodyFilterIgnoresTheEmailSubjectAndBodySwitches() {
            CheckConfig c = config(b -> {
                b.filterSubject = true;
                b.filterBody = true;
                b.failureKw = "ERROR";
            });
            assertThat(PingClassifier.classify(http(PingKind.SUCCESS, "POST", "ERROR"), c, CheckStatus.UP))
                    .isEqualTo(PingKind.SUCCESS);
        }
    }

    @Nested
    class EmailPings {
        @Test
        void withoutFiltersAnEmailIsASuccess() {
            assertThat(PingClassifier.classify(email("ERROR", "FAILED"), PLAIN, CheckStatus.UP))
                    .isEqualTo(PingKind.SUCCESS);
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
            assertThat(PingClassifier.classify(email("Cron: ERROR", "done"), c, CheckStatus.UP))
                    .isEqualTo(expected);
        }

        @ParameterizedTest(name = "subject filter {0}, body filter {1}: {2}")
        @CsvSource({"true, false, IGN", "false, true, SUCCESS", "true, true, SUCCESS"})
        void aKeywordInTheBodyCountsOnlyWithTheBodyFilter(
                boolean subject, boolean body, PingKind expected) {
            CheckConfig c = emailFilters(subject, body);
            assertThat(PingClassifier.classify(email("Cron report", "backup OK"), c, CheckStatus.UP))
                    .isEqualTo(expected);
        }

        @Test
        void startKeywordsAndDefaultFailApplyToEmailToo() {
            CheckConfig start = emailFilters(true, true);
            assertThat(PingClassifier.classify(email("job started", ""), start, CheckStatus.UP))
                    .isEqualTo(PingKind.START);
            CheckConfig.Builder b = emailFilters(true, true).toBuilder();
            b.filterDefaultFail = true;
            assertThat(PingClassifier.classify(email("other", "text"), b.build(), CheckStatus.UP))
                    .isEqualTo(PingKind.FAIL);
        }

        @Test
        void aMissingSubjectOrTextMatchesNothing() {
            assertThat(PingClassifier.classify(email(null, null), emailFilters(true, true), CheckStatus.UP))
                    .isEqualTo(PingKind.IGN);
        }

        @Test
        void emailPingsIgnoreMethodsAndTheHttpBodyFilter() {
            CheckConfig c = config(b -> {
                b.methods = "POST";
                b.filterHttpBody = true;
                b.failureKw = "raw";
            });
            // the raw message contains "raw", but only HTTP bodies are searched by that filter
            assertThat(PingClassifier.classify(email("s", "t"), c, CheckStatus.UP))
                    .isEqualTo(PingKind.SUCCESS);
        }

        private CheckConfig emailFilters(boolean subject, boolean body) {
            return config(b -> {
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
