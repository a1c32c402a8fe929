package io.mychecks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    final List<String> events = new ArrayList<>();

    Service named(String name, boolean failsToStart) {
        return new Service() {
            @Override
            public void start() {
                if (failsToStart) {
                    throw new IllegalStateException(name + " cannot bind");
                }
                events.add("start " + name);
            }

            @Override
            public void stop() {
                events.add("stop " + name);
            }
        };
    }

    @Test
    void startsInOrderAndStopsInReverseOnce() throws Exception {
        Lifecycle lifecycle =
                new Lifecycle()
                        .onStop(() -> events.add("close database"))
                        .add(named("intake", false))
                        .add(named("http", false));
        lifecycle.start();
        lifecycle.stop();
        lifecycle.stop();
        assertThat(events)
                .containsExactly(
                        "start intake", "start http", "stop http", "stop intake", "close database");
    }

    @Test
    void aServiceThatFailsToStartStopsThoseStartedBeforeIt() {
        Lifecycle lifecycle =
                new Lifecycle()
                        .onStop(() -> events.add("close database"))
                        .add(named("intake", false))
                        .add(named("smtp", true))
                        .add(named("loop", false));
        assertThatThrownBy(lifecycle::start).hasMessage("smtp cannot bind");
        assertThat(events).containsExactly("start intake", "stop intake", "close database");
    }

    @Test
    void awaitStopReturnsOnceStopped() throws Exception {
        Lifecycle lifecycle = new Lifecycle().add(named("loop", false));
        lifecycle.start();
        Thread stopper = new Thread(lifecycle::stop);
        stopper.start();
        lifecycle.awaitStop();
        assertThat(events).containsExactly("start loop", "stop loop");
    }
}
