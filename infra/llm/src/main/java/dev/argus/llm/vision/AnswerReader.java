package dev.argus.llm.vision;

import dev.argus.contract.camera.DetectedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a model's answer to {@link DescriptionPrompt} tolerantly: the JSON it was asked for, also
 * inside a Markdown fence or with words around it, with {@code objects} as labels or as objects;
 * or, when the model wrote prose, the prose as the description and the detection type from its
 * words. Models follow the format most of the time, not always; an answer is never lost for it.
 */
public final class AnswerReader {

  /** The detection types, most important first: an answer naming several gets the first. */
  public static final List<String> DETECTION_TYPES =
      List.of("person", "vehicle", "animal", "package", "motion");

  private static final int MAX_DESCRIPTION = 2000;

  private static final Pattern FENCE =
      Pattern.compile("```[A-Za-z]*\\s*(\\{.*?})\\s*```", Pattern.DOTALL);

  private static final List<WordRule> RULES =
      List.of(
          new WordRule(
              "person",
              "\\b(person|persons|people|man|men|woman|women|child|children|kid|kids|boy|girl"
                  + "|pedestrian|someone|somebody|human|humans|intruder|visitor|courier)\\b"),
          new WordRule(
              "vehicle",
              "\\b(vehicle|vehicles|car|cars|truck|trucks|bus|buses|van|vans|motorcycle"
                  + "|motorcycles|motorbike|scooter|bicycle|bicycles|bike|bikes|suv|lorry)\\b"),
          new WordRule(
              "animal",
              "\\b(animal|animals|dog|dogs|cat|cats|bird|birds|deer|fox|foxes|squirrel"
                  + "|squirrels|raccoon|horse|cow|rabbit|hedgehog)\\b"),
          new WordRule(
              "package",
              "\\b(package|packages|parcel|parcels|delivery|delivered)\\b"
                  + "|\\bbox(es)? (was |were |is |are |being )?(delivered|left|dropped)"));

  private AnswerReader() {}

  /** What an answer said. */
  public record Reading(String description, String detectionType, List<DetectedObject> objects) {

    public Reading {
      objects = List.copyOf(objects);
    }
  }

  /** Reads {@code answer}; a blank answer reads as an empty description of {@code motion}. */
  public static Reading read(String answer) {
    String text = answer == null ? "" : answer.strip();
    JsonNode json = json(text);
    if (json == null) {
      String description = clip(text);
      return new Reading(description, inferType(description, List.of()), List.of());
    }
    List<DetectedObject> objects = objects(json.path("objects"));
    String description = firstText(json, "description", "summary", "caption", "text");
    description = clip(description != null ? description : labels(objects));
    String declared = normalise(firstText(json, "detection_type", "detectionType", "type"));
    String type = declared != null ? declared : inferType(description, objects);
    return new Reading(description, type, objects);
  }

  /** The detection type the words of {@code description} and the labels name, else motion. */
  public static String inferType(String description, List<DetectedObject> objects) {
    StringBuilder words = new StringBuilder(description == null ? "" : description);
    objects.forEach(o -> words.append(' ').append(o.label()));
    String lower = words.toString().toLowerCase(Locale.ROOT);
    for (WordRule rule : RULES) {
      if (rule.pattern().matcher(lower).find()) {
        return rule.type();
      }
    }
    return "motion";
  }

  /** A declared detection type as one of {@link #DETECTION_TYPES}, or null if it names none. */
  private static String normalise(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String lower = declared.strip().toLowerCase(Locale.ROOT);
    if (DETECTION_TYPES.contains(lower)) {
      return lower;
    }
    for (WordRule rule : RULES) {
      if (rule.pattern().matcher(lower).find()) {
        return rule.type();
      }
    }
    return null;
  }

  /** The JSON object in {@code text}: all of it, a fenced block, or the outermost braces. */
  private static JsonNode json(String text) {
    JsonNode whole = VisionWire.parse(text);
    if (whole != null) {
      return whole;
    }
    Matcher fence = FENCE.matcher(text);
    if (fence.find()) {
      JsonNode fenced = VisionWire.parse(fence.group(1));
      if (fenced != null) {
        return fenced;
      }
    }
    int open = text.indexOf('{');
    int close = text.lastIndexOf('}');
    return open >= 0 && close > open ? VisionWire.parse(text.substring(open, close + 1)) : null;
  }

  private static List<DetectedObject> objects(JsonNode node) {
    List<DetectedObject> objects = new ArrayList<>();
    if (!node.isArray()) {
      return objects;
    }
    for (JsonNode entry : node) {
      String label =
          entry.isString() ? entry.stringValue() : firstText(entry, "label", "name", "type");
      if (label == null || label.isBlank()) {
        continue;
      }
      JsonNode confidence = entry.path("confidence");
      Double value =
          confidence.isNumber() && confidence.asDouble() >= 0 && confidence.asDouble() <= 1
              ? confidence.asDouble()
              : null;
      objects.add(new DetectedObject(label.strip(), value, null));
    }
    return objects;
  }

  private static String firstText(JsonNode json, String... names) {
    for (String name : names) {
      String value = VisionWire.text(json.path(name));
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static String labels(List<DetectedObject> objects) {
    return objects.isEmpty()
        ? ""
        : "Seen: " + String.join(", ", objects.stream().map(DetectedObject::label).toList());
  }

  private static String clip(String text) {
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "…";
  }

  private record WordRule(String type, Pattern pattern) {
    WordRule(String type, String regex) {
      this(type, Pattern.compile(regex));
    }
  }
}
