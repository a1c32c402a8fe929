package io.mychecks.core.notify.email;

/** The model of the verification email templates ({@code email/verify*.jte}). */
public record VerificationMessage(String siteName, String link) {}
