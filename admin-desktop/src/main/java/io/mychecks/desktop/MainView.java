package io.mychecks.desktop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The console's window: the list of sections on the left, the chosen one on the right. */
public final class MainView {
    /** One entry of the navigation: its name and how to build its view (once, when first shown). */
    public record Section(String name, Supplier<Parent> view) {}

    private final List<Section> sections;
    private final Map<String, Parent> built = new LinkedHashMap<>();
    private final BorderPane root = new BorderPane();
    private final ListView<String> nav = new ListView<>();

    public MainView(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    public Parent root() {
        root.getStyleClass().add("console");
        nav.setId("nav");
        nav.getStyleClass().add("nav");
        sections.forEach(s -> nav.getItems().add(s.name()));
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> show(b));
        Label brand = new Label("Mychecks");
        brand.getStyleClass().add("brand");
        VBox side = new VBox(brand, nav);
        side.getStyleClass().add("side");
        VBox.setVgrow(nav, javafx.scene.layout.Priority.ALWAYS);
        root.setLeft(side);
        nav.getSelectionModel().select(0);
        return root;
    }

    /** Shows the section named {@code name}. */
    public void select(String name) {
        nav.getSelectionModel().select(name);
    }

    public Node current() {
        return root.getCenter();
    }

    private void show(String name) {
        if (name == null) {
            return;
        }
        Section s = sections.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        Parent view = built.computeIfAbsent(name, n -> s.view().get());
        root.setCenter(view);
    }
}
