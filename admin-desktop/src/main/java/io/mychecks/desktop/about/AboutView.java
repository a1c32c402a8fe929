package io.mychecks.desktop.about;

import io.mychecks.desktop.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Shows the about facts; paths are selectable, to copy. */
public final class AboutView {
    private final AboutViewModel model;

    @FXML private GridPane facts;
    @FXML private Label licence;

    public AboutView(AboutViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        int i = 0;
        for (var fact : model.facts().entrySet()) {
            Label name = new Label(fact.getKey());
            name.getStyleClass().add("fact-name");
            TextField value = new TextField(fact.getValue());
            value.setEditable(false);
            value.getStyleClass().add("copyable");
            facts.addRow(i++, name, value);
        }
        licence.setText(model.licence());
        return root;
    }
}
