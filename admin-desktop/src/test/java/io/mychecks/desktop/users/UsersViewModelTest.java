package io.mychecks.desktop.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.admin.UserRow;
import io.mychecks.desktop.OnTestAppliance;
import io.mychecks.desktop.common.Background;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersViewModelTest extends OnTestAppliance {
    UsersViewModel model;

    @BeforeEach
    void open() throws Exception {
        model = new UsersViewModel(() -> appliance.ctx.app().userAdmin(), Background.direct());
    }

    UserRow user(String email) {
        return model.users().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void createdSuperusersAreListedAndCanBeDemotedButNotTheLastOne() {
        model.createSuperuser("alice@example.org", "password123");
        assertThat(model.messageProperty().get())
                .isEqualTo("Superuser alice@example.org is ready.");
        model.createSuperuser("bob@example.org", "password123");
        assertThat(model.users())
                .extracting(UserRow::email)
                .containsExactly("alice@example.org", "bob@example.org");

        model.selectedProperty().set(user("bob@example.org"));
        model.demote();
        assertThat(model.messageProperty().get())
                .isEqualTo("bob@example.org is no longer a superuser.");
        assertThat(user("bob@example.org").superuser()).isFalse();
        assertThat(model.selectedProperty().get().email()).isEqualTo("bob@example.org");

        model.selectedProperty().set(user("alice@example.org"));
        model.demote();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("last active superuser");
        assertThat(user("alice@example.org").superuser()).isTrue();
    }

    @Test
    void badInputGetsAClearMessage() {
        model.createSuperuser("not-an-address", "password123");
        assertThat(model.messageProperty().get())
                .isEqualTo("not a valid email address: not-an-address");
        model.createSuperuser("a@example.org", "short");
        assertThat(model.messageProperty().get())
                .isEqualTo("the password must have at least 8 characters");
        model.promote();
        assertThat(model.messageProperty().get()).isEqualTo("Select a user first.");
    }

    @Test
    void aUserCanBeDisabledEnabledAndGivenANewPassword() {
        model.createSuperuser("alice@example.org", "password123");
        model.createSuperuser("bob@example.org", "password123");
        model.selectedProperty().set(user("bob@example.org"));
        model.disable();
        assertThat(user("bob@example.org").active()).isFalse();
        model.enable();
        assertThat(user("bob@example.org").active()).isTrue();
        model.resetPassword("another-password");
        assertThat(model.messageProperty().get())
                .startsWith("New password set for bob@example.org");
        assertThat(
                        appliance
                                .ctx
                                .app()
                                .passwordLogIn()
                                .logIn("bob@example.org", "another-password")
                                .outcome()
                                .name())
                .isEqualTo("OK");
    }
}
