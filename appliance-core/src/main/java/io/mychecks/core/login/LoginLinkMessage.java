package io.mychecks.core.login;

/** The model of the log-in link email ({@code email/login-link.jte}). */
public record LoginLinkMessage(String siteName, String link, String intro, long minutes) {}
