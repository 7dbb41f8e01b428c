/**
 * The Spring Boot entry point of the processor, which also runs the one-shot {@code migrate}
 * command.
 */
package dev.argus.processor;
