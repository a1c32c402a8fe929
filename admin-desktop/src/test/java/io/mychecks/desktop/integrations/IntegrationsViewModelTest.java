package io.mychecks.desktop.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.desktop.OnTestAppliance;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntegrationsViewModelTest extends OnTestAppliance {
    IntegrationsViewModel model;

    @BeforeEach
    void open() throws Exception {
        model =
                new IntegrationsViewModel(
                        appliance.saver(), appliance.ctx.app().notifiers().descriptions());
    }

    @Test
    void everyKindTheDaemonImplementsIsListedFromItsOwnDescription() {
        assertThat(model.cards()).extracting(KindCard::kind).contains("email", "webhook");
        assertThat(model.card("webhook").switchable()).isTrue();
        assertThat(model.card("webhook").enabledProperty().get()).isTrue();
    }

    @Test
    void switchingAKindOffAndAllowingPrivateAddressesIsSavedToTheFile() throws Exception {
        model.card("webhook").enabledProperty().set(false);
        model.privateIps().valueProperty().set("True");
        model.save();
        String text = Files.readString(appliance.config);
        assertThat(text)
                .contains("\nWEBHOOKS_ENABLED=False\n")
                .contains("\nINTEGRATIONS_ALLOW_PRIVATE_IPS=True\n");
        assertThat(model.saver().restartNeededProperty().get()).isTrue();
    }
}
