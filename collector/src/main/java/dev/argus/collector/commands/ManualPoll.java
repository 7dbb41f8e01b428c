package dev.argus.collector.commands;

/** Runs a poll cycle of every device now, answering the command of this id. */
@FunctionalInterface
public interface ManualPoll {

  void pollNow(String commandId);
}
