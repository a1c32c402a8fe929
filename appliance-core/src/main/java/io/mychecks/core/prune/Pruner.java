package io.mychecks.core.prune;

/**
 * A clean-up job run from cron, the command line, the console or the daemon's daily schedule. Each
 * one deletes in small batches, one short transaction each, so it is safe to run while the daemon
 * runs, and it can be watched and stopped between batches ({@link PruneMonitor}).
 */
public interface Pruner {
    /** Rows deleted per transaction unless a pruner is built with another batch size. */
    int DEFAULT_BATCH = 1000;

    /** Deletes what the rule of this pruner says is obsolete; returns how many rows went. */
    default long prune() {
        return prune(PruneMonitor.NONE);
    }

    /**
     * Deletes what the rule says is obsolete, reporting to {@code monitor} after each batch and
     * stopping early when it is cancelled; returns how many rows went.
     */
    long prune(PruneMonitor monitor);

    /** How many rows a prune would delete now (rows arriving meanwhile may change it). */
    long preview();
}
