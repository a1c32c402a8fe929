package io.mychecks.core.profile;

/** The model of the email-change confirmation ({@code email/change-email.jte}). */
public record EmailChangeMessage(String siteName, String link, String oldEmail, String newEmail) {}
