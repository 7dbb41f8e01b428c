package dev.argus.llm.simulator;

/**
 * When a simulated answer's bytes were actually written, in the JVM's {@link System#nanoTime()}: a
 * client measuring in the same process (the benchmark harness) compares its figures with these to
 * tell its own measurement error from the simulator's scheduling.
 *
 * @param receivedNanos when the request reached the server's handler; the injected delays count
 *     from here
 * @param firstTokenNanos when the first chunk with text was flushed, or -1 when none was
 * @param lastTokenNanos when the last chunk with text was flushed, or -1 when none was
 * @param textChunks chunks with text written
 */
public record AnswerTimes(
    String model, long receivedNanos, long firstTokenNanos, long lastTokenNanos, int textChunks) {}
