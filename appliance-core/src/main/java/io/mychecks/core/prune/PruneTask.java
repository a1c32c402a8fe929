package io.mychecks.core.prune;

/**
 * One of the five clean-up jobs as people see it: the command that runs it, a label, what it
 * deletes, the noun of its count (plural), and its pruner.
 */
public record PruneTask(
        String command, String label, String description, String noun, Pruner pruner) {
    /** The noun for a count of {@code n}: "1 ping", "2 pings", "1 token bucket entry". */
    public String noun(long n) {
        if (n != 1) {
            return noun;
        }
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        return noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
    }
}
