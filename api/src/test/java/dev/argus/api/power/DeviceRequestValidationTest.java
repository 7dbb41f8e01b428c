package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.argus.contract.net.OutboundAddressGuard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The constraints of {@link DeviceRequest}, through the api's own validator: one message per field,
 * in the order of the fields, and the client's values quoted as they were sent.
 */
@WebMvcTest(DeviceController.class)
class DeviceRequestValidationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @MockitoBean DeviceRepository devices;
  @MockitoBean DeviceWrites writes;

  @Test
  void aBlankRequiredFieldGetsOneMessage() throws Exception {
    String detail =
        detailOf(
            """
            {"id": "  ", "name": "%s", "host": " ", "collector_id": " "}
            """
                .formatted(" ".repeat(201)));

    assertThat(detail).isEqualTo("id is required; name is required; host is required");
  }

  @Test
  void eachFieldOutOfItsRangeIsNamedInTheOrderOfTheFields() throws Exception {
    String detail =
        detailOf(
            """
            {"id": "ups-1", "name": "%s", "host": "ups .lan", "port": 0,
             "collector_id": "a/b"}
            """
                .formatted("n".repeat(201)));

    assertThat(detail)
        .isEqualTo(
            "name must be at most 200 characters; host must be a host name or IP address, got"
                + " 'ups .lan'; port must be between 1 and 65535, got 0; collector_id must be"
                + " 1-64 letters, digits, '.', '_', ':' or '-', got 'a/b'");
  }

  @Test
  void theClientsValuesAreQuotedAsTheyWereNeverInterpreted() throws Exception {
    String detail =
        detailOf(
            """
            {"id": "a${1+1}{x}\\\\", "name": "X", "host": "h", "type": "#{'t'}"}
            """);

    assertThat(detail)
        .isEqualTo(
            "id must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or"
                + " digit, got 'a${1+1}{x}\\'; type must be ups or pdu, got '#{'t'}'");
  }

  @Test
  void aHostTheCollectorWouldRefuseIsRefusedWithTheGuardsReason() throws Exception {
    Throwable refusal = catchThrowable(() -> OutboundAddressGuard.check("host", "169.254.169.254"));

    String detail = detailOf("{\"id\": \"ups-1\", \"name\": \"X\", \"host\": \"169.254.169.254\"}");

    assertThat(detail).isEqualTo(refusal.getMessage()).startsWith("host: 169.254.169.254");
  }

  private String detailOf(String body) throws Exception {
    String answer =
        mvc.perform(post("/api/devices").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JSON.readTree(answer).get("detail").asString();
  }
}
