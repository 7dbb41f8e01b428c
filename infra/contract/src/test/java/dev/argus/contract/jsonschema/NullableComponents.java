package dev.argus.contract.jsonschema;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which components of the contract records can be null on the wire, read from the records
 * themselves rather than declared a second time: a component is nullable when its canonical
 * constructor, given a sample with that component set to null, accepts it and keeps the null. A
 * constructor that refuses the null ({@code device_id is required}) or replaces it ({@code outlets}
 * becomes an empty list) makes the component non-null.
 *
 * <p>Every sample of a record type is tried, and one that keeps the null is enough: a config entry
 * refuses a null {@code device} only when the device is the field it holds.
 */
final class NullableComponents {

  private final Map<Class<?>, List<Record>> samplesByType = new HashMap<>();
  private final Map<Class<?>, Set<String>> nullable = new HashMap<>();

  /** Reads the samples (and every record inside them) of the topics' values. */
  NullableComponents(Collection<?> samples) {
    samples.forEach(this::collect);
  }

  /**
   * Whether {@code component} of {@code recordType} can be written as null.
   *
   * @throws IllegalStateException when no sample of {@code recordType} was given
   */
  boolean isNullable(Class<?> recordType, String component) {
    return nullable.computeIfAbsent(recordType, this::probe).contains(component);
  }

  /**
   * @throws IllegalStateException when no sample of {@code recordType} was given, saying where to
   *     add one
   */
  void requireSample(Class<?> recordType) {
    if (!samplesByType.containsKey(recordType)) {
      throw new IllegalStateException(
          "No sample of "
              + recordType.getName()
              + ": add a value containing one to TopicSamples, so that the schema can tell which"
              + " of its fields may be null");
    }
  }

  /** Every record type reachable from {@code type} through components, lists and maps. */
  static Set<Class<?>> recordTypesOf(Class<?> type) {
    Set<Class<?>> found = new LinkedHashSet<>();
    addRecordTypes(type, found);
    return found;
  }

  private static void addRecordTypes(Type type, Set<Class<?>> found) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        addRecordTypes(argument, found);
      }
    } else if (type instanceof Class<?> cls && cls.isRecord() && found.add(cls)) {
      for (RecordComponent component : cls.getRecordComponents()) {
        addRecordTypes(component.getGenericType(), found);
      }
    }
  }

  private void collect(Object value) {
    if (value instanceof Record record) {
      samplesByType.computeIfAbsent(record.getClass(), t -> new ArrayList<>()).add(record);
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        collect(valueOf(component, record));
      }
    } else if (value instanceof Collection<?> values) {
      values.forEach(this::collect);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(this::collect);
    }
  }

  private Set<String> probe(Class<?> recordType) {
    requireSample(recordType);
    List<Record> samples = samplesByType.get(recordType);
    RecordComponent[] components = recordType.getRecordComponents();
    Constructor<?> canonical = canonicalConstructor(recordType, components);
    Set<String> result = new HashSet<>();
    for (Record sample : samples) {
      for (int i = 0; i < components.length; i++) {
        if (!components[i].getType().isPrimitive() && keepsNull(canonical, components, sample, i)) {
          result.add(components[i].getName());
        }
      }
    }
    return result;
  }

  private static boolean keepsNull(
      Constructor<?> canonical, RecordComponent[] components, Record sample, int index) {
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      arguments[i] = i == index ? null : valueOf(components[i], sample);
    }
    try {
      Object built = canonical.newInstance(arguments);
      return valueOf(components[index], built) == null;
    } catch (InvocationTargetException refused) {
      return false;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Constructor<?> canonicalConstructor(
      Class<?> recordType, RecordComponent[] components) {
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
    }
    try {
      Constructor<?> constructor = recordType.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object valueOf(RecordComponent component, Object record) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
