package dev.argus.api.power;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The web layer of /api/devices: the 404 body and read-only routes. */
@WebMvcTest(DeviceController.class)
class DeviceControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean DeviceRepository devices;

  @Test
  void unknownDeviceIs404NamingIt() throws Exception {
    when(devices.find("pdu-9")).thenReturn(Optional.empty());

    mvc.perform(get("/api/devices/pdu-9"))
        .andExpect(status().isNotFound())
        .andExpect(
            content().json("{\"detail\": \"Device 'pdu-9' not found\"}", JsonCompareMode.STRICT));
  }

  @Test
  void devicesAreReadOnlyForNow() throws Exception {
    mvc.perform(delete("/api/devices/ups-main"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"Method DELETE is not allowed here; use GET\"}",
                    JsonCompareMode.STRICT));
  }
}
