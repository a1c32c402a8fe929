package io.mychecks.core.manage;

import io.mychecks.core.checks.Check;
import java.util.List;
import java.util.UUID;

/** A check as one transaction saw it, with the codes of its channels (what the API shows). */
public record CheckSnapshot(Check check, List<UUID> channelCodes) {}
