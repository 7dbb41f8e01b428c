/**
 * TLS: whether the api serves HTTPS (a PEM certificate and key, {@code ARGUS_API_TLS_CERTIFICATE}
 * and {@code ARGUS_API_TLS_PRIVATE_KEY}, given to Tomcat as Spring Boot's {@code server.ssl}), and
 * {@code GET /api/v1/system/ssl-status}, which reports it with the certificate's dates.
 */
package dev.argus.api.system.tls;
