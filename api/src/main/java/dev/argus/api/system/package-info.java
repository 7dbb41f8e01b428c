/**
 * What every feature shares and the web layer around them: error bodies, input checks, the OpenAPI
 * document, health, Tomcat limits, schema migration and Kafka clients; features meet only through
 * here.
 */
package dev.argus.api.system;
