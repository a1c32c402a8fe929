package io.mychecks.core.badges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A badge ready to send: its format (which gives the media type) and its body. */
public record RenderedBadge(BadgeFormat format, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Returns the badge of {@code summary} under {@code label} in {@code format}.
     *
     * <ul>
     *   <li>SVG: the image, see {@link BadgeSvg};
     *   <li>JSON: {@code {"status": …, "total": n, "grace": n, "down": n}};
     *   <li>Shields: {@code {"schemaVersion": 1, "label": …, "message": …, "color":
     *       success|important|critical}}.
     * </ul>
     */
    public static RenderedBadge of(BadgeFormat format, String label, BadgeSummary summary) {
        return new RenderedBadge(
                format,
                switch (format) {
                    case SVG -> BadgeSvg.render(label, summary.status());
                    case JSON -> json(summary);
                    case SHIELDS -> shields(label, summary.status());
                });
    }

    private static String json(BadgeSummary summary) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("status", summary.status().wire());
        o.put("total", summary.total());
        o.put("grace", summary.grace());
        o.put("down", summary.down());
        return write(o);
    }

    private static String shields(String label, BadgeStatus status) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", 1);
        o.put("label", label);
        o.put("message", status.wire());
        o.put("color", status.shieldsColour());
        return write(o);
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
