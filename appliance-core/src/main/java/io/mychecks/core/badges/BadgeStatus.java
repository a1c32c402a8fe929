package io.mychecks.core.badges;

import java.util.Locale;

/** What a badge says, with the colour of its SVG and the colour name of its Shields endpoint. */
public enum BadgeStatus {
    UP("#4c1", "success"),
    LATE("#fe7d37", "important"),
    DOWN("#e05d44", "critical");

    private final String svgColour;
    private final String shieldsColour;

    BadgeStatus(String svgColour, String shieldsColour) {
        this.svgColour = svgColour;
        this.shieldsColour = shieldsColour;
    }

    /** The word on the badge and in its JSON: {@code up}, {@code late} or {@code down}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fill colour of the message half of the SVG badge. */
    public String svgColour() {
        return svgColour;
    }

    /** The Shields.io named colour of the endpoint JSON. */
    public String shieldsColour() {
        return shieldsColour;
    }
}
