package io.mychecks.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    @Test
    void keyMustEqualTheConfiguredKey() {
        assertThat(ServiceMetrics.keyAccepted("s3cret", "s3cret")).isTrue();
        assertThat(ServiceMetrics.keyAccepted("s3cret", "s3cre")).isFalse();
        assertThat(ServiceMetrics.keyAccepted("s3cret", "S3CRET")).isFalse();
        assertThat(ServiceMetrics.keyAccepted("s3cret", null)).isFalse();
    }

    @Test
    void unsetKeyAcceptsNothing() {
        assertThat(ServiceMetrics.keyAccepted("", "")).isFalse();
        assertThat(ServiceMetrics.keyAccepted(null, "")).isFalse();
        assertThat(ServiceMetrics.keyAccepted("", "anything")).isFalse();
    }
}
