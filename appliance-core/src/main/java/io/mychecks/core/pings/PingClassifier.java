package io.mychecks.core.pings;

import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decides what a ping counts as, from its URL action and the check's filters. */
public final class PingClassifier {
    private PingClassifier() {}

    /**
     * Returns the kind the ping is recorded as.
     *
     * <ol>
     *   <li>Email pings: with a subject or body filter on, the searched text decides; without,
     *       success. Email pings ignore {@code methods} and the HTTP body filter.
     *   <li>HTTP pings: a check that takes only POST ignores other methods; with the HTTP body
     *       filter on, the body decides whatever the URL said. A body that is not UTF-8 matches no
     *       keyword (the reference fails with a server error there).
     *   <li>A paused check with manual resume ignores every ping.
     * </ol>
     */
    public static PingKind classify(PingEvent event, CheckConfig config, CheckStatus stored) {
        PingKind kind = event.kind();
        if (event.isEmail()) {
            if (config.filterSubject() || config.filterBody()) {
                StringBuilder text = new StringBuilder();
                if (config.filterSubject()) {
                    text.append(nullToEmpty(event.email().subject())).append('\n');
                }
                if (config.filterBody()) {
                    text.append(nullToEmpty(event.email().text()));
                }
                kind = byKeywords(text.toString(), config);
            } else {
                kind = PingKind.SUCCESS;
            }
        } else {
            if ("POST".equals(config.methods()) && !"POST".equals(event.method())) {
                kind = PingKind.IGN;
            } else if (config.filterHttpBody()) {
                kind = byKeywords(decodeUtf8(event.body()), config);
            }
        }
        if (stored == CheckStatus.PAUSED && config.manualResume()) {
            kind = PingKind.IGN;
        }
        return kind;
    }

    static PingKind byKeywords(String text, CheckConfig config) {
        if (Keywords.matches(text, config.failureKw())) {
            return PingKind.FAIL;
        }
        if (Keywords.matches(text, config.successKw())) {
            return PingKind.SUCCESS;
        }
        if (Keywords.matches(text, config.startKw())) {
            return PingKind.START;
        }
        return config.filterDefaultFail() ? PingKind.FAIL : PingKind.IGN;
    }

    private static String decodeUtf8(byte[] body) {
        if (body == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
