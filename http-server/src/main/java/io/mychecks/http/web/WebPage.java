package io.mychecks.http.web;

/** One page or action of the web UI, run on a worker thread with its request already read. */
@FunctionalInterface
public interface WebPage {
    void handle(WebRequest request) throws Exception;
}
