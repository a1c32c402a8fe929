package io.mychecks.desktop.common;

import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Runs a view's periodic refresh only while the view is on screen: when another section is chosen,
 * or its window closes, the timeline stops; when it shows again, it refreshes at once and goes on.
 */
public final class WhileShown {
    private WhileShown() {}

    public static void play(Node view, Timeline timeline, Runnable refresh) {
        ObservableValue<Boolean> showing =
                view.sceneProperty()
                        .flatMap(Scene::windowProperty)
                        .flatMap(Window::showingProperty)
                        .orElse(false);
        showing.addListener(
                (o, was, now) -> {
                    if (now) {
                        refresh.run();
                        timeline.play();
                    } else {
                        timeline.stop();
                    }
                });
        // the listener keeps the chain observed; the view keeps the listener
        view.getProperties().put(WhileShown.class, showing);
        if (showing.getValue()) {
            timeline.play();
        }
    }
}
