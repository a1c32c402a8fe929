package io.mychecks.core.settings;

/** A setting has a value that cannot be used; the message names the key. */
public class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidSettingException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
