package io.mychecks.core.badges;

import java.util.Optional;

/** The output formats of a badge URL, named by the URL's extension. */
public enum BadgeFormat {
    /** An SVG image. */
    SVG("svg", "image/svg+xml"),
    /** {@code {"status", "total", "grace", "down"}}. */
    JSON("json", "application/json"),
    /** The Shields.io endpoint JSON {@code {"schemaVersion", "label", "message", "color"}}. */
    SHIELDS("shields", "application/json");

    private final String extension;
    private final String mediaType;

    BadgeFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** Returns the format for a URL extension; empty for anything but svg, json and shields. */
    public static Optional<BadgeFormat> fromExtension(String extension) {
        for (BadgeFormat f : values()) {
            if (f.extension.equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String extension() {
        return extension;
    }

    /** The media type of the body in this format. */
    public String mediaType() {
        return mediaType;
    }
}
