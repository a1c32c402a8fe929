package io.mychecks.core.mail;

/**
 * The bytes of received messages that all SMTP sessions together may hold in memory at once, so
 * that sessions × message size stays bounded whatever the clients do.
 */
final class MessageBudget {
    private final long capacity;
    private long used;

    MessageBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Takes {@code bytes} of the budget; false (and nothing taken) when there is not enough. */
    synchronized boolean take(long bytes) {
        if (used + bytes > capacity) {
            return false;
        }
        used += bytes;
        return true;
    }

    synchronized void give(long bytes) {
        used -= bytes;
    }

    synchronized long used() {
        return used;
    }
}
