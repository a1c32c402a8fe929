package io.mychecks.desktop.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the JavaFX thread and hands its result back on it. ViewModels take one, so
 * tests give them {@link #direct()}, which runs everything at once on the caller's thread.
 */
public interface Background {
    /**
     * Runs {@code work} in the background, then {@code done} with its result, or {@code failed}
     * with a one-line message, on the UI thread.
     */
    <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> failed);

    /** Runs {@code update} on the UI thread (progress from background work). */
    void ui(Runnable update);

    /** Runs everything at once on the calling thread (ViewModel tests). */
    static Background direct() {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    failed.accept(Problems.describe(e));
                    return;
                }
                done.accept(result);
            }

            @Override
            public void ui(Runnable update) {
                update.run();
            }
        };
    }
}
