/**
 * The camera domain's wire records: camera configuration on {@code argus.config}, status and motion
 * readings from the collectors, the events the processor derives, and the AI descriptions that join
 * them through a topic.
 */
package dev.argus.contract.camera;
