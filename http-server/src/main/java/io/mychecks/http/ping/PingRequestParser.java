package io.mychecks.http.ping;

import io.mychecks.core.pings.CheckRef;
import io.mychecks.core.pings.PingEvent;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.pings.PingResult.Outcome;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a ping URL into a {@link PingEvent}, without I/O. The URL forms and answers follow the
 * reference exactly:
 *
 * <ul>
 *   <li>{@code <uuid>}, {@code <uuid>/}, {@code <uuid>/start|fail|log|<exit status>};
 *   <li>{@code <ping-key>/<slug>} and {@code <ping-key>/<slug>/start|fail|log|<exit status>};
 *   <li>only canonical lower-case UUIDs route; anything else is 404 {@code not found};
 *   <li>an upper-case slug is 400 {@code invalid url format} at once; an exit status above 255 and
 *       a bad {@code rid} are refused once the check is found;
 *   <li>a UUID followed by anything but an action is the slug form (a UUID is a well-formed ping
 *       key), as in the reference's URL patterns;
 *   <li>a slug longer than a slug can be is 404, or 400 {@code invalid url format} with {@code
 *       create=1}.
 * </ul>
 */
public final class PingRequestParser {
    private static final Pattern UUID_LOWER =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern RID =
            Pattern.compile(
                    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern TOKEN = Pattern.compile("^[-a-zA-Z0-9_]+$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    private static final int MAX_SLUG = 100;

    /** What the parser needs from the request besides the path. */
    public record Context(
            String method,
            String rid,
            boolean create,
            String remoteAddr,
            String scheme,
            String ua,
            byte[] body) {}

    private PingRequestParser() {}

    /** Parses {@code path}, the part of the URL after {@code /ping/}. */
    public static PingRequest parse(String path, Context ctx) {
        String[] parts = path.split("/", -1);
        if (parts.length == 0 || parts[0].isEmpty()) {
            return notFound();
        }
        if (UUID_LOWER.matcher(parts[0]).matches()) {
            return parseUuidForm(parts, ctx);
        }
        return parseSlugForm(parts, ctx);
    }

    private static PingRequest parseUuidForm(String[] parts, Context ctx) {
        CheckRef ref = CheckRef.byCode(UUID.fromString(parts[0]));
        if (parts.length == 1 || (parts.length == 2 && parts[1].isEmpty())) {
            return event(ref, PingKind.SUCCESS, null, null, ctx);
        }
        if (parts.length == 2 && isAction(parts[1])) {
            return action(ref, parts[1], ctx);
        }
        // a UUID is also a well-formed ping key: "<uuid>/<slug>" is the slug form
        return parseSlugForm(parts, ctx);
    }

    private static boolean isAction(String segment) {
        return segment.equals("start")
                || segment.equals("fail")
                || segment.equals("log")
                || DIGITS.matcher(segment).matches();
    }

    private static PingRequest parseSlugForm(String[] parts, Context ctx) {
        if (parts.length < 2 || parts.length > 3) {
            return notFound();
        }
        String key = parts[0];
        String slug = parts[1];
        if (!TOKEN.matcher(key).matches() || !TOKEN.matcher(slug).matches()) {
            return notFound();
        }
        if (!slug.equals(slug.toLowerCase(Locale.ROOT))) {
            return PingRequest.answer(400, "invalid url format");
        }
        if (slug.length() > MAX_SLUG) {
            // no check can have it, and none can be created with it
            return ctx.create() ? PingRequest.answer(400, "invalid url format") : notFound();
        }
        CheckRef ref = CheckRef.bySlug(key, slug);
        return parts.length == 2
                ? event(ref, PingKind.SUCCESS, null, null, ctx)
                : action(ref, parts[2], ctx);
    }

    private static PingRequest action(CheckRef ref, String action, Context ctx) {
        switch (action) {
            case "start":
                return event(ref, PingKind.START, null, null, ctx);
            case "fail":
                return event(ref, PingKind.FAIL, null, null, ctx);
            case "log":
                return event(ref, PingKind.LOG, null, null, ctx);
            default:
                if (!DIGITS.matcher(action).matches()) {
                    return notFound();
                }
                String number = action.replaceFirst("^0+(?=.)", "");
                if (number.length() > 3 || Integer.parseInt(number) > 255) {
                    return event(ref, PingKind.FAIL, null, Outcome.INVALID_URL, ctx);
                }
                int status = Integer.parseInt(number);
                return event(
                        ref, status == 0 ? PingKind.SUCCESS : PingKind.FAIL, status, null, ctx);
        }
    }

    private static PingRequest event(
            CheckRef ref, PingKind kind, Integer exitStatus, Outcome rejection, Context ctx) {
        String rid = ctx.rid();
        Outcome reject = rejection;
        if (rid != null) {
            if (RID.matcher(rid).matches()) {
                rid = rid.toLowerCase(Locale.ROOT);
            } else {
                rid = null;
                reject = reject == null ? Outcome.INVALID_RID : reject;
            }
        }
        boolean create = ctx.create() && ref.isSlug();
        return PingRequest.of(
                new PingEvent(
                        ref,
                        kind,
                        exitStatus,
                        rid,
                        ctx.body(),
                        ctx.remoteAddr(),
                        ctx.scheme(),
                        ctx.method(),
                        ctx.ua() == null ? "" : ctx.ua(),
                        create,
                        null,
                        reject));
    }

    private static PingRequest notFound() {
        return PingRequest.answer(404, "not found");
    }
}
