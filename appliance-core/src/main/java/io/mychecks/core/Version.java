package io.mychecks.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build of Mychecks: the {@code mychecks.version} system property when the
 * launcher sets one (the installed packages set their own version), else what Maven stamped at
 * build time ({@code dev} when unknown).
 */
public final class Version {
    private static final String CURRENT = read();

    private Version() {}

    public static String current() {
        String installed = System.getProperty("mychecks.version", "");
        return installed.isBlank() ? CURRENT : installed.strip();
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
