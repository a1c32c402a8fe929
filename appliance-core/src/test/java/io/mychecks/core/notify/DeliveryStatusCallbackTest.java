package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.notify.DeliveryStatusCallback.Report;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryStatusCallbackTest {

    @Test
    void errorFieldIsTheError() {
        assertThat(DeliveryStatusCallback.interpret(Map.of("error", "boom")))
                .contains(new Report("boom", false));
    }

    @Test
    void markDisabledCountsOnlyWithAnError() {
        assertThat(DeliveryStatusCallback.interpret(Map.of("error", "boom", "mark_disabled", "1")))
                .contains(new Report("boom", true));
        assertThat(DeliveryStatusCallback.interpret(Map.of("error", "boom", "mark_disabled", "")))
                .contains(new Report("boom", false));
        assertThat(DeliveryStatusCallback.interpret(Map.of("mark_disabled", "1"))).isEmpty();
    }

    @Test
    void emptyErrorIsNoError() {
        assertThat(DeliveryStatusCallback.interpret(Map.of("error", ""))).isEmpty();
        assertThat(DeliveryStatusCallback.interpret(Map.of())).isEmpty();
    }

    @Test
    void twilioMessageFailuresAreDeliveryFailures() {
        assertThat(DeliveryStatusCallback.interpret(Map.of("MessageStatus", "failed")))
                .contains(new Report("Delivery failed (status=failed).", false));
        assertThat(DeliveryStatusCallback.interpret(Map.of("MessageStatus", "undelivered")))
                .contains(new Report("Delivery failed (status=undelivered).", false));
        assertThat(DeliveryStatusCallback.interpret(Map.of("MessageStatus", "delivered")))
                .isEmpty();
        assertThat(DeliveryStatusCallback.interpret(Map.of("MessageStatus", "sent"))).isEmpty();
    }

    @Test
    void twilioCallFailureIsADeliveryFailure() {
        assertThat(DeliveryStatusCallback.interpret(Map.of("CallStatus", "failed")))
                .contains(new Report("Delivery failed (status=failed).", false));
        assertThat(DeliveryStatusCallback.interpret(Map.of("CallStatus", "completed"))).isEmpty();
    }

    @Test
    void twilioStatusWinsOverAnErrorField() {
        assertThat(
                        DeliveryStatusCallback.interpret(
                                Map.of(
                                        "error",
                                        "x",
                                        "mark_disabled",
                                        "1",
                                        "MessageStatus",
                                        "failed")))
                .contains(new Report("Delivery failed (status=failed).", true));
    }

    @Test
    void errorIsCutTo200Characters() {
        assertThat(DeliveryStatusCallback.interpret(Map.of("error", "x".repeat(250))))
                .hasValueSatisfying(r -> assertThat(r.error()).hasSize(200));
    }
}
