package io.mychecks.core.notify;

import java.util.List;

/**
 * One field of a kind's settings, as the API, the web form and the console's integrations page
 * describe it.
 *
 * @param name the JSON field name ({@code url_down})
 * @param type how a form shows and the API checks it
 * @param required true when a channel cannot be created without it
 * @param secret true when its value is a credential (the API masks it)
 * @param label a short name for people
 * @param help one sentence for people
 * @param choices the allowed values of a {@link Type#CHOICE}; else empty
 */
public record ConfigField(
        String name,
        Type type,
        boolean required,
        boolean secret,
        String label,
        String help,
        List<String> choices) {

    /** The kinds of value a field holds. */
    public enum Type {
        TEXT,
        EMAIL,
        URL,
        BOOLEAN,
        CHOICE,
        TEMPLATE,
        HEADERS
    }

    public ConfigField {
        choices = List.copyOf(choices);
    }

    /** An optional field that is no secret and has no choices. */
    public static ConfigField of(String name, Type type, String label, String help) {
        return new ConfigField(name, type, false, false, label, help, List.of());
    }

    /** The same field, required. */
    public ConfigField asRequired() {
        return new ConfigField(name, type, true, secret, label, help, choices);
    }

    /** The same field, holding a credential (a URL with a token in it, a password). */
    public ConfigField withSecret() {
        return new ConfigField(name, type, required, true, label, help, choices);
    }

    /** The same field, with its allowed values. */
    public ConfigField withChoices(String... values) {
        return new ConfigField(name, Type.CHOICE, required, secret, label, help, List.of(values));
    }
}
