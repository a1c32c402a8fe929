package io.mychecks.core.notify;

/**
 * One problem with one field of a channel's settings.
 *
 * @param field the field's name as the API and the web form know it ({@code url_down}); "" when the
 *     problem concerns several fields together
 * @param message the problem in words, naming the field ({@code url_down is too long}), shown as is
 *     next to the form field and after "json validation error: " by the API
 */
public record FieldError(String field, String message) {}
