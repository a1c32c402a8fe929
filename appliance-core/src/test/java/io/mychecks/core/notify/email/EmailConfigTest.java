package io.mychecks.core.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.notify.ConfigErrors;
import io.mychecks.core.notify.FieldError;
import io.mychecks.core.notify.InvalidChannelException;
import io.mychecks.core.settings.Settings;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailConfigTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final Settings settings =
            Settings.of(Map.of("SECRET_KEY", "s3cret", "SITE_ROOT", "https://checks.example.org/"));
    final EmailNotifier notifier =
            new EmailNotifier(
                    MailSender.fromSettings(settings),
                    settings,
                    new BounceAddress("", "secret", java.time.Clock.systemUTC()));

    ObjectNode parse(String request) throws Exception {
        return notifier.parseConfig((ObjectNode) MAPPER.readTree(request.replace('\'', '"')));
    }

    @Test
    void storesAddressAndDirectionsWithDefaults() throws Exception {
        assertThat(parse("{'kind': 'email', 'value': ' ops@example.org '}").toString())
                .isEqualTo("{\"value\":\"ops@example.org\",\"up\":true,\"down\":true}");
        assertThat(parse("{'value': 'root@localhost', 'up': false}").toString())
                .isEqualTo("{\"value\":\"root@localhost\",\"up\":false,\"down\":true}");
    }

    @Test
    void theAddressIsTakenAsEmailAndStillAsValue() throws Exception {
        assertThat(parse("{'kind': 'email', 'email': 'ops@example.org'}"))
                .isEqualTo(parse("{'kind': 'email', 'value': 'ops@example.org'}"));
    }

    @Test
    void everyBadFieldIsReportedForAFormAndTheApiGetsTheFirst() {
        ConfigErrors errors = new ConfigErrors();
        EmailConfig none =
                EmailConfig.parse(json("{'email': 'nope', 'up': 'yes', 'down': 1}"), errors);
        assertThat(none).isNull();
        assertThat(errors.list())
                .containsExactly(
                        new FieldError("email", "email is not a valid email address"),
                        new FieldError("up", "up is not a boolean"),
                        new FieldError("down", "down is not a boolean"));
        assertThatThrownBy(() -> parse("{'email': 'nope', 'up': 'yes'}"))
                .isInstanceOf(InvalidChannelException.class)
                .hasMessage("json validation error: email is not a valid email address")
                .satisfies(
                        e ->
                                assertThat(((InvalidChannelException) e).errors())
                                        .extracting(FieldError::field)
                                        .containsExactly("email", "up"));
    }

    @Test
    void theRecordRoundTripsThroughTheStoredJson() throws Exception {
        ConfigErrors errors = new ConfigErrors();
        EmailConfig parsed =
                EmailConfig.parse(json("{'email': 'ops@example.org', 'up': false}"), errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(parsed).isEqualTo(new EmailConfig("ops@example.org", false, true));
        assertThat(EmailConfig.fromStored(parsed.toStored())).isEqualTo(parsed);
        // what the API shows can be sent back to create the same channel
        assertThat(EmailConfig.parse(parsed.describe(), errors)).isEqualTo(parsed);
        assertThat(parsed.wants(io.mychecks.core.checks.CheckStatus.UP)).isFalse();
        assertThat(parsed.wants(io.mychecks.core.checks.CheckStatus.DOWN)).isTrue();
    }

    static ObjectNode json(String s) {
        try {
            return (ObjectNode) MAPPER.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void describeShowsTheAddressAsEmail() throws Exception {
        ObjectNode stored = parse("{'email': 'ops@example.org', 'down': false}");
        assertThat(notifier.describe(stored).toString())
                .isEqualTo("{\"email\":\"ops@example.org\",\"up\":true,\"down\":false}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                             | email is required",
                "{'email': 5}                                   | email is not a string",
                "{'email': 'nope', 'value': 'a@b.org'}          | email is not a valid email address",
                "{'value': 5}                                   | value is not a string",
                "{'value': null}                                | value is not a string",
                "{'value': 'not an address'}                    | value is not a valid email address",
                "{'value': 'a@b.org, c@d.org'}                  | value is not a valid email address",
                "{'value': 'Ops <ops@example.org>'}             | value is not a valid email address",
                "{'value': ''}                                  | value is not a valid email address",
                "{'value': 'a@b.org', 'up': 'yes'}              | up is not a boolean",
                "{'value': 'a@b.org', 'down': 1}                | down is not a boolean",
                "{'value': 'a@b.org', 'up': false, 'down': false} | at least one of up and down must be true",
            })
    void rejectsBadFields(String request, String error) {
        assertThatThrownBy(() -> parse(request))
                .isInstanceOf(InvalidChannelException.class)
                .hasMessage("json validation error: " + error);
    }

    @Test
    void rejectsAddressesLongerThan254Characters() {
        String address = "a".repeat(245) + "@example.org";
        assertThatThrownBy(() -> parse("{'value': '" + address + "'}"))
                .hasMessageContaining("not a valid email address");
    }

    @Test
    void verificationTokenIsHmacSha256OfCodeUnderAKeyDerivedFromSecretKey() throws Exception {
        EmailVerification v = new EmailVerification(settings, MailSender.fromSettings(settings));
        UUID code = UUID.fromString("11111111-2222-3333-4444-555555555555");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(
                new javax.crypto.spec.SecretKeySpec(
                        "email-verification:s3cret"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "HmacSHA256"));
        byte[] digest =
                mac.doFinal(code.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String token = java.util.HexFormat.of().formatHex(digest);
        assertThat(v.token(code)).isEqualTo(token);
        assertThat(v.link(code))
                .isEqualTo(
                        "https://checks.example.org/integrations/"
                                + code
                                + "/verify/"
                                + token
                                + "/");
        assertThat(v.tokenMatches(code, token)).isTrue();
        assertThat(v.tokenMatches(code, token.toUpperCase())).isFalse();
        assertThat(v.tokenMatches(code, "x")).isFalse();
        assertThat(v.tokenMatches(UUID.randomUUID(), token)).isFalse();
        assertThat(v.tokenMatches(code, null)).isFalse();
        Settings otherSecret = settings.with("SECRET_KEY", "another");
        assertThat(
                        new EmailVerification(otherSecret, MailSender.fromSettings(otherSecret))
                                .token(code))
                .isNotEqualTo(token);
    }

    @Test
    void ownAddressIsVerifiedAtOnceUnlessVerificationIsOff() {
        EmailVerification on = new EmailVerification(settings, MailSender.fromSettings(settings));
        assertThat(on.verifiedAtOnce("Alice@Example.org", "alice@example.org")).isTrue();
        assertThat(on.verifiedAtOnce("bob@example.org", "alice@example.org")).isFalse();
        Settings off = settings.with("EMAIL_USE_VERIFICATION", "False");
        assertThat(
                        new EmailVerification(off, MailSender.fromSettings(off))
                                .verifiedAtOnce("bob@example.org", "alice@example.org"))
                .isTrue();
    }
}
