package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import java.util.UUID;

/**
 * A kind's confirmation of a new channel's target (the email kind sends a link to the address). A
 * channel of such a kind delivers only once it is verified; the shared channel code calls these
 * hooks and knows no kind by name.
 */
public interface ChannelVerification {
    /**
     * True when a new channel with settings {@code storedConfig} needs no confirmation, e.g. its
     * address is {@code ownerEmail}, the project owner's.
     */
    boolean verifiedAtOnce(ObjectNode storedConfig, String ownerEmail);

    /**
     * Asks the target of the new, unverified {@code channel} to confirm; a failure is logged, never
     * thrown (the channel stays unverified).
     */
    void requestConfirmation(Channel channel, ObjectNode storedConfig);

    /** True when {@code token} confirms channel {@code code}. */
    boolean tokenMatches(UUID code, String token);
}
