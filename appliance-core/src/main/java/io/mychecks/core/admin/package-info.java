/**
 * What the admin console does to an appliance, as services over core: the status figures, user
 * administration, database care (size, vacuum), backup and restore, and the support bundle. The
 * console only binds views to these; the rules live here.
 */
package io.mychecks.core.admin;
