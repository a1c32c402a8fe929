package io.mychecks.desktop.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;

/** {@link Background} on a small pool of daemon threads, results posted to the FX thread. */
public final class FxBackground implements Background {
    private final ExecutorService pool =
            Executors.newFixedThreadPool(
                    3,
                    r -> {
                        Thread t = new Thread(r, "console-work");
                        t.setDaemon(true);
                        return t;
                    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> failed) {
        try {
            pool.execute(
                    () -> {
                        T result;
                        try {
                            result = work.call();
                        } catch (Exception | LinkageError e) {
                            String message = Problems.describe(e);
                            Platform.runLater(() -> failed.accept(message));
                            return;
                        }
                        Platform.runLater(() -> done.accept(result));
                    });
        } catch (RejectedExecutionException e) {
            // the console is closing: nobody waits for the result
        }
    }

    @Override
    public void ui(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
