/**
 * The one guard of outbound destinations (SSRF) that the api and the collector both ask, and the
 * {@code inet_aton} reading of host spellings it judges.
 */
package dev.argus.contract.net;
