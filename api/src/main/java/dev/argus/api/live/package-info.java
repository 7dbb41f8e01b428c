/**
 * {@code WS /ws}, the dashboard's one live connection: new camera events, their descriptions,
 * camera status and the alerts of every domain, as JSON messages fed from Kafka ({@link
 * dev.argus.api.live.LiveFeed}) and fanned out to the sessions of this replica ({@link
 * dev.argus.api.live.LiveHub}).
 */
package dev.argus.api.live;
