/**
 * The wire contract every service shares: the topic catalog ({@link dev.argus.contract.Topics})
 * with each topic's serdes, the one JSON mapping, and the creation of the topics.
 */
package dev.argus.contract;
