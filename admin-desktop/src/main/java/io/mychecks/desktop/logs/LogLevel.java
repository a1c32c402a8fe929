package io.mychecks.desktop.logs;

import java.util.Locale;

/** The level filter of the logs view: a line shows when its level is at least the one chosen. */
public enum LogLevel {
    ALL,
    INFO,
    WARN,
    ERROR;

    /** The level a log line names (" WARN " in the daemon's format); ALL when it names none. */
    public static LogLevel of(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.contains(" ERROR ")) {
            return ERROR;
        }
        if (upper.contains(" WARN ")) {
            return WARN;
        }
        if (upper.contains(" INFO ")) {
            return INFO;
        }
        return ALL;
    }

    /** True when a line of level {@code line} passes this filter. */
    public boolean admits(LogLevel line) {
        return this == ALL || line.ordinal() >= ordinal();
    }

    @Override
    public String toString() {
        return this == ALL
                ? "All levels"
                : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT) + " and above";
    }
}
