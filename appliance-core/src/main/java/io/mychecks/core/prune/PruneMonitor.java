package io.mychecks.core.prune;

/**
 * What a caller learns of a running prune, and how it stops one: the pruner reports its running
 * total after every batch and looks at {@link #cancelled()} before the next. A cancelled prune
 * returns what it deleted so far; every batch it finished stays committed.
 */
public interface PruneMonitor {
    /** A monitor that ignores progress and never cancels (the command line, the daily run). */
    PruneMonitor NONE =
            new PruneMonitor() {
                @Override
                public void deleted(long soFar) {
                    // nobody watches
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            };

    /** Called after each committed batch with the number of rows deleted so far. */
    void deleted(long soFar);

    /** True when the prune should stop before its next batch. */
    boolean cancelled();
}
