package dev.argus.collector.commands;

import dev.argus.collector.kafka.TopicReader;
import dev.argus.contract.Topics;
import dev.argus.contract.llm.LlmJob;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code argus.llm.jobs} in the consumer group all collectors share, so that exactly one of
 * them runs each job, and runs the jobs one at a time.
 *
 * <p>A job's offset is committed only once the job has finished and its results are delivered: a
 * collector that stops or dies mid-job leaves the job uncommitted, and the collector that gets the
 * partition next runs it (at least once, never lost). While a job runs on a thread of its own, this
 * thread keeps polling with every assigned partition paused, so the group does not take the
 * collector for dead however long the job lasts ({@code max.poll.interval.ms}), and fetches nothing
 * it would have to hold. A malformed job is logged, counted, committed and skipped.
 */
public final class LlmJobReader extends TopicReader {

  private static final Logger log = LoggerFactory.getLogger(LlmJobReader.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

  private final LlmJobs jobs;
  private final Deserializer<LlmJob> values = Topics.LLM_JOBS.valueSerde().deserializer();
  private final AtomicLong skippedJobs = new AtomicLong();
  private final AtomicLong finishedJobs = new AtomicLong();
  private volatile boolean busy;
  // The record of the running job, and whether it was committed early (see PausedWhileBusy).
  private ConsumerRecord<String, byte[]> running;
  private boolean handedOver;

  /**
   * @param consumers creates the consumer (see {@code KafkaClients#llmJobConsumer})
   * @param startupWait how long start-up waits; the reader is ready at once, as jobs wait for it
   */
  public LlmJobReader(
      Supplier<Consumer<String, byte[]>> consumers, LlmJobs jobs, Duration startupWait) {
    super(Topics.LLM_JOBS.name(), consumers, startupWait);
    this.jobs = jobs;
  }

  /** Jobs skipped as malformed since start-up. */
  public long skippedJobs() {
    return skippedJobs.get();
  }

  /** Jobs run to their end (and committed, or tried to be) since start-up. */
  public long finishedJobs() {
    return finishedJobs.get();
  }

  @Override
  protected String notReadyAtStartup(Duration waited) {
    return "Not yet reading " + Topics.LLM_JOBS.name() + " after " + waited;
  }

  @Override
  protected void readWith(Consumer<String, byte[]> consumer) {
    // A new group starts at the earliest job (auto.offset.reset), so nothing is waited for here.
    ready();
    consumer.subscribe(List.of(Topics.LLM_JOBS.name()), new PausedWhileBusy(consumer));
    while (!stopping()) {
      ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
      for (ConsumerRecord<String, byte[]> record : records) {
        if (stopping()) {
          return;
        }
        handle(consumer, record);
      }
    }
  }

  private void handle(Consumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record) {
    LlmJob job;
    try {
      job = record.value() == null ? null : values.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      skip(consumer, record, e.getMessage());
      return;
    }
    if (job == null) {
      skip(consumer, record, "no value");
      return;
    }
    log.info(
        "LLM job {}: {} {} (requested at {})",
        job.jobId(),
        job.kind(),
        job.runId(),
        job.requestedAt());
    running = record;
    handedOver = false;
    try {
      if (runToTheEnd(consumer, job)) {
        finishedJobs.incrementAndGet();
        if (!handedOver) {
          commit(consumer, record, "job " + job.jobId());
        }
      }
    } finally {
      running = null;
    }
  }

  /**
   * Runs the job on a thread of its own and keeps polling until it ends.
   *
   * @return whether it ended (rather than being cut short because the collector stops)
   */
  private boolean runToTheEnd(Consumer<String, byte[]> consumer, LlmJob job) {
    FutureTask<Void> task =
        new FutureTask<>(
            () -> {
              jobs.run(job);
              return null;
            });
    busy = true;
    consumer.pause(consumer.assignment());
    Thread.ofVirtual().name("llm-job-" + job.jobId()).start(task);
    try {
      while (!task.isDone()) {
        if (stopping()) {
          return false;
        }
        ConsumerRecords<String, byte[]> fetched = consumer.poll(POLL_TIMEOUT);
        holdBack(consumer, fetched);
      }
      task.get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InterruptedException) {
        return false;
      }
      // The runner reports a job's own failures; this is a bug, and the job is not run again.
      log.error("LLM job {} failed", job.jobId(), e.getCause());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (!task.isDone()) {
        log.info(
            "LLM job {} cut short as the collector stops: not committed, so the collector that"
                + " takes its partition runs it",
            job.jobId());
      }
      task.cancel(true);
      busy = false;
      consumer.resume(consumer.assignment());
    }
  }

  /**
   * Records of a partition assigned while a job ran (paused only from its assignment on) are
   * fetched again later: the position goes back to the first of them.
   */
  private static void holdBack(
      Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> fetched) {
    for (TopicPartition partition : fetched.partitions()) {
      consumer.seek(partition, fetched.records(partition).getFirst().offset());
    }
    consumer.pause(consumer.assignment());
  }

  private void skip(
      Consumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record, String reason) {
    long count = skippedJobs.incrementAndGet();
    log.warn(
        "Skipped LLM job {}-{}@{} (key {}), {} skipped so far: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        count,
        reason);
    commit(consumer, record, "the skipped record");
  }

  private static void commit(
      Consumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record, String what) {
    try {
      consumer.commitSync(
          Map.of(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1)));
    } catch (CommitFailedException | RebalanceInProgressException e) {
      log.warn(
          "Could not commit {} ({}-{}@{}): its partition moved to another collector, which may"
              + " run it again: {}",
          what,
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    } catch (KafkaException e) {
      log.warn("Could not commit {}: {}", what, e.toString());
    }
  }

  /**
   * Partitions assigned while a job runs are paused at once, so no second job is fetched; the
   * running job's partition, when revoked, is handed over committed. Called on the polling thread.
   */
  private final class PausedWhileBusy implements ConsumerRebalanceListener {

    private final Consumer<String, byte[]> consumer;

    PausedWhileBusy(Consumer<String, byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (busy) {
        consumer.pause(partitions);
      }
    }

    /**
     * When the running job's partition moves to another collector (one joined or left the group),
     * the job is committed now: else the new owner would run it a second time while it runs here. A
     * stop before the job's end then loses it, which is rarer than a rebalance mid-job. Its commit
     * at the end is skipped, as it could move the new owner's offset back.
     */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      ConsumerRecord<String, byte[]> job = running;
      if (job != null
          && !handedOver
          && partitions.contains(new TopicPartition(job.topic(), job.partition()))) {
        log.info(
            "The partition of the running LLM job ({}-{}@{}) moved to another collector: committed"
                + " now so that it does not run twice",
            job.topic(),
            job.partition(),
            job.offset());
        commit(consumer, job, "the running job");
        handedOver = true;
      }
    }
  }
}
