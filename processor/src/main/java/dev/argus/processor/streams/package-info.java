/**
 * The Spring side of the Streams application: its lifecycle, runtime configuration and the settings
 * bound from the environment.
 */
package dev.argus.processor.streams;
