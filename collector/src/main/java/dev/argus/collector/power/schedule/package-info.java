/**
 * When power polls run and how one cycle runs: {@code PollScheduler} (interval, manual triggers,
 * pause), {@code PollCycleRunner} (every device against the poll deadline, the cycle report) and
 * the {@code PollPlan} they follow.
 */
package dev.argus.collector.power.schedule;
