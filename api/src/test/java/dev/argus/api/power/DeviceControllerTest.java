package dev.argus.api.power;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The web layer of /api/devices: the 404 body, validation before any write, routes. */
@WebMvcTest(DeviceController.class)
class DeviceControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean DeviceRepository devices;
  @MockitoBean DeviceWrites writes;

  @Test
  void unknownDeviceIs404NamingIt() throws Exception {
    when(devices.find("pdu-9")).thenReturn(Optional.empty());

    mvc.perform(get("/api/devices/pdu-9"))
        .andExpect(status().isNotFound())
        .andExpect(
            content().json("{\"detail\": \"Device 'pdu-9' not found\"}", JsonCompareMode.STRICT));
  }

  @Test
  void invalidDeviceIs422NamingEveryProblemAndWritesNothing() throws Exception {
    mvc.perform(
            post("/api/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"id": "bad/id", "name": "X", "type": "ats", "poller": "modbus",
                     "port": 70000}
                    """))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    """
                    {"detail": "id must be 1-64 letters, digits, '.', '_', ':' or '-', starting\
                     with a letter or digit, got 'bad/id'; type must be ups or pdu, got 'ats';\
                     poller must be nut or snmp, got 'modbus'; host is required; port must be\
                     between 1 and 65535, got 70000"}
                    """,
                    JsonCompareMode.STRICT));
    verify(writes, never()).create(any());
  }

  @Test
  void replacementWithARepeatedIdIs422() throws Exception {
    mvc.perform(
            put("/api/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    [{"id": "ups-1", "name": "A", "host": "10.0.0.1"},
                     {"id": "ups-1", "name": "B", "host": "10.0.0.2"}]
                    """))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"devices[1].id 'ups-1' is listed more than once\"}",
                    JsonCompareMode.STRICT));
    verify(writes, never()).replaceAll(any());
  }

  @Test
  void bodyIdMustMatchThePath() throws Exception {
    mvc.perform(
            put("/api/devices/ups-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": \"ups-2\", \"name\": \"A\", \"host\": \"h\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"id in the body ('ups-2') differs from the path ('ups-1')\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void patchIsNotARoute() throws Exception {
    mvc.perform(patch("/api/devices/ups-main"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(
            header()
                .string(
                    "Allow",
                    allOf(containsString("GET"), containsString("PUT"), containsString("DELETE"))));
  }
}
