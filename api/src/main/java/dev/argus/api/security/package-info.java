/**
 * Authentication by API key, scopes, the access rules of every route, key management ({@code
 * /api/v1/api-keys}) and rate limits.
 */
package dev.argus.api.security;
