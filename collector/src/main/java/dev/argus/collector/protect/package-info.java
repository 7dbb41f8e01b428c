/**
 * UniFi Protect sessions: one per controller of {@code argus.config} that this collector runs
 * ({@link dev.argus.collector.protect.ProtectSessions} reconciles them with the configuration),
 * each a {@code dev.argus.protect.ProtectSession} whose detections of Argus cameras become motion
 * readings with the controller's snapshot or frames cut from its clip export, and whose state
 * becomes the controller's status and its cameras' statuses. No Kafka client here: the publishers
 * are connected by the wiring.
 */
package dev.argus.collector.protect;
