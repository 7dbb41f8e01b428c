package dev.argus.processor.sink;

import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.contract.events.DerivedEvent;
import java.util.List;

/**
 * A poll's camera records, decoded and sorted by destination.
 *
 * @param statuses to {@code camera_status}
 * @param events to {@code camera_events} and {@code camera_event_frames}
 * @param descriptions to {@code camera_event_descriptions}, and the newest of each event to its row
 * @param protectStatuses to {@code protect_controller_status}
 * @param alertEvents {@code camera_detection} events of source {@code camera} (to {@code
 *     llm_alerts}, the one alert list)
 */
record CameraRecords(
    List<CameraStatus> statuses,
    List<CameraEvent> events,
    List<EventDescription> descriptions,
    List<ProtectControllerStatus> protectStatuses,
    List<DerivedEvent> alertEvents) {

  CameraRecords {
    statuses = List.copyOf(statuses);
    events = List.copyOf(events);
    descriptions = List.copyOf(descriptions);
    protectStatuses = List.copyOf(protectStatuses);
    alertEvents = List.copyOf(alertEvents);
  }
}
