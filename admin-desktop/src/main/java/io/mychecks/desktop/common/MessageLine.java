package io.mychecks.desktop.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A view's one-line message and whether it reports a problem; {@link MessageBar} shows it. */
public final class MessageLine {
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty(false);

    /** Shows {@code message} as news. */
    public void say(String message) {
        error.set(false);
        text.set(message);
    }

    /** Shows {@code message} as a problem. */
    public void fail(String message) {
        error.set(true);
        text.set(message);
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty errorProperty() {
        return error;
    }
}
