package io.mychecks.desktop.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;

/** A view's one-line message: its text, styled as an error when the ViewModel says so. */
public final class MessageBar {
    private MessageBar() {}

    public static void bind(Label label, StringProperty text, BooleanProperty error) {
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(text.isNotEmpty());
        Runnable style =
                () -> {
                    label.getStyleClass().removeAll("message-error", "message-ok");
                    label.getStyleClass().add(error.get() ? "message-error" : "message-ok");
                };
        error.addListener((o, a, b) -> style.run());
        style.run();
    }
}
