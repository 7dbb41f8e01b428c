/** Reads {@code argus.commands} and turns each {@code poll_now} into a manual poll cycle. */
package dev.argus.collector.commands;
