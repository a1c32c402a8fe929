package io.mychecks.core.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.Notifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A notifier kind for alert-loop tests ("test"): records every alert it is given and answers from a
 * scripted queue of outcomes (OK once the queue is empty). Channels with {@code {"slow": true}}
 * take {@code slowMillis} to answer. The real notifiers have their own tests against loopback
 * servers.
 */
final class RecordingNotifier implements Notifier {
    final List<Alert> received = new CopyOnWriteArrayList<>();
    private final Deque<Delivery> script = new ArrayDeque<>();
    volatile long slowMillis = 0;

    /** When set, channels with {@code {"slow": true}} wait for it to open instead of sleeping. */
    volatile java.util.concurrent.CountDownLatch gate;

    synchronized void answer(Delivery... outcomes) {
        script.addAll(List.of(outcomes));
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public ObjectNode parseConfig(ObjectNode request) {
        return request;
    }

    @Override
    public ObjectNode describe(ObjectNode storedConfig) {
        return storedConfig;
    }

    @Override
    public boolean wants(Channel channel, ObjectNode config, CheckStatus status) {
        return !config.path("down_only").asBoolean(false) || status == CheckStatus.DOWN;
    }

    @Override
    public Delivery deliver(Alert alert, ObjectNode config) {
        if (config.path("slow").asBoolean(false)) {
            try {
                java.util.concurrent.CountDownLatch g = gate;
                if (g != null) {
                    g.await(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        received.add(alert);
        synchronized (this) {
            return script.isEmpty() ? Delivery.ok() : script.poll();
        }
    }
}
