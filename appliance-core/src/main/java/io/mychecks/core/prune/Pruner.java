package io.mychecks.core.prune;

/**
 * A clean-up job run from cron, the command line or the console. Each one deletes in small batches,
 * one short transaction each, so it is safe to run while the daemon runs.
 */
public interface Pruner {
    /** Rows deleted per transaction unless a pruner is built with another batch size. */
    int DEFAULT_BATCH = 1000;

    /** Deletes what the rule of this pruner says is obsolete; returns how many rows went. */
    long prune();
}
