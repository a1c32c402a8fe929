package io.mychecks.core.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as a delivery-status callback sees it: which channel it went through, when it was
 * created, and its error ({@code ""} = delivered).
 */
public record SentNotification(long id, UUID code, long channelId, Instant created, String error) {}
