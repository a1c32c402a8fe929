package io.mychecks.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanLimiterTest {
    @Test
    void turnsAwayScansOverTheLimitUntilAPermitComesBack() {
        ScanLimiter limiter = new ScanLimiter(2);
        Optional<ScanLimiter.Permit> a = limiter.tryAcquire();
        Optional<ScanLimiter.Permit> b = limiter.tryAcquire();
        assertThat(a).isPresent();
        assertThat(b).isPresent();
        assertThat(limiter.tryAcquire()).isEmpty();
        assertThatThrownBy(() -> limiter.run(() -> "scanned"))
                .isInstanceOf(ScanLimiter.BusyException.class);
        a.get().close();
        a.get().close(); // closing twice gives back one permit only
        assertThat(limiter.run(() -> "scanned")).isEqualTo("scanned");
        assertThat(limiter.tryAcquire()).isPresent();
        assertThat(limiter.tryAcquire()).isEmpty();
    }

    @Test
    void aFailedScanGivesItsPermitBack() {
        ScanLimiter limiter = new ScanLimiter(1);
        assertThatThrownBy(
                        () ->
                                limiter.run(
                                        () -> {
                                            throw new IllegalStateException("database gone");
                                        }))
                .hasMessage("database gone");
        assertThat(limiter.tryAcquire()).isPresent();
    }
}
