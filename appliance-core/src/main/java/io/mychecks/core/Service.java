package io.mychecks.core;

/** Something with a life cycle in the daemon: the web server, the SMTP listener, the alert loop. */
public interface Service {
    /** Starts the service; returns once it is serving. */
    default void start() throws Exception {}

    /** Stops the service, letting work in flight finish. */
    default void stop() {}
}
