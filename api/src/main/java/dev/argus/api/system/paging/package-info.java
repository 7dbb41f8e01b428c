/**
 * One page of a list endpoint: the envelope, its paging rules and the query that counts or
 * estimates the total.
 */
package dev.argus.api.system.paging;
