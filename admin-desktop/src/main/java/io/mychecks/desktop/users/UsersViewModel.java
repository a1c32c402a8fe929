package io.mychecks.desktop.users;

import io.mychecks.core.admin.UserAdmin;
import io.mychecks.core.admin.UserRow;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.MessageLine;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The users view: list, create a superuser, reset a password, promote, demote, disable, enable. */
public final class UsersViewModel {
    private final Supplier<UserAdmin> admin;
    private final Background background;
    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();
    private final MessageLine message = new MessageLine();

    public UsersViewModel(Supplier<UserAdmin> admin, Background background) {
        this.admin = admin;
        this.background = background;
    }

    public void refresh() {
        Long keep = selected.get() == null ? null : selected.get().id();
        background.run(
                () -> admin.get().list(),
                list -> {
                    users.setAll(list);
                    selected.set(
                            keep == null
                                    ? null
                                    : list.stream()
                                            .filter(u -> u.id() == keep)
                                            .findFirst()
                                            .orElse(null));
                },
                this::fail);
    }

    public void createSuperuser(String email, String password) {
        act(
                () ->
                        "Superuser "
                                + admin.get().createSuperuser(email, password).email()
                                + " is ready.");
    }

    public void resetPassword(String password) {
        UserRow u = selectedOrComplain();
        if (u != null) {
            act(
                    () -> {
                        admin.get().resetPassword(u.id(), password);
                        return "New password set for " + u.email() + "; their sessions were ended.";
                    });
        }
    }

    public void promote() {
        UserRow u = selectedOrComplain();
        if (u != null) {
            act(
                    () -> {
                        admin.get().promote(u.id());
                        return u.email() + " is now a superuser.";
                    });
        }
    }

    public void demote() {
        UserRow u = selectedOrComplain();
        if (u != null) {
            act(
                    () -> {
                        admin.get().demote(u.id());
                        return u.email() + " is no longer a superuser.";
                    });
        }
    }

    public void disable() {
        UserRow u = selectedOrComplain();
        if (u != null) {
            act(
                    () -> {
                        admin.get().disable(u.id());
                        return u.email() + " is disabled: they cannot log in.";
                    });
        }
    }

    public void enable() {
        UserRow u = selectedOrComplain();
        if (u != null) {
            act(
                    () -> {
                        admin.get().enable(u.id());
                        return u.email() + " may log in again.";
                    });
        }
    }

    private UserRow selectedOrComplain() {
        UserRow u = selected.get();
        if (u == null) {
            fail("Select a user first.");
        }
        return u;
    }

    private void act(Callable<String> action) {
        background.run(
                action,
                done -> {
                    message.say(done);
                    refresh();
                },
                this::fail);
    }

    public void fail(String problem) {
        message.fail(problem);
    }

    public List<UserRow> snapshot() {
        return List.copyOf(users);
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    public ObjectProperty<UserRow> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message.textProperty();
    }

    public BooleanProperty errorProperty() {
        return message.errorProperty();
    }
}
