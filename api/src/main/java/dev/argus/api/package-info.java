/**
 * The Argus HTTP API's entry point, which refuses the two most mistaken keys before starting
 * Spring.
 */
package dev.argus.api;
