package dev.argus.api.live;

import dev.argus.contract.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of message {@code WS /ws} sends, each fed by one topic. */
enum LiveType {
  /** A camera event was raised (from {@code argus.camera.events}). */
  EVENT_CREATED("event.created", Topics.CAMERA_EVENTS.name()),
  /** An event's description arrived (from {@code argus.camera.descriptions}). */
  EVENT_UPDATED("event.updated", Topics.CAMERA_DESCRIPTIONS.name()),
  /** A camera worker reported its state (from {@code argus.camera.status}). */
  CAMERA_STATUS("camera.status", Topics.CAMERA_STATUS.name()),
  /** An alert of any domain: power, target, llm, camera (from {@code argus.events}). */
  NOTIFICATION_NEW("notification.new", Topics.EVENTS.name());

  private final String wireName;
  private final String topic;

  LiveType(String wireName, String topic) {
    this.wireName = wireName;
    this.topic = topic;
  }

  String wireName() {
    return wireName;
  }

  String topic() {
    return topic;
  }

  static Optional<LiveType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  static Optional<LiveType> ofTopic(String topic) {
    return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
  }

  static List<String> topics() {
    return Arrays.stream(values()).map(LiveType::topic).toList();
  }

  static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(LiveType::wireName).toList());
  }
}
