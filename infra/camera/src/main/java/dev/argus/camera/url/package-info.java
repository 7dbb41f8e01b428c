/**
 * Camera URLs checked against the shared outbound address guard before a decoder or an HTTP client
 * connects, with the credentials placed where each protocol reads them and hidden from every text
 * that is logged or shown.
 */
package dev.argus.camera.url;
