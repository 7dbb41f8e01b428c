package dev.argus.api.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Error bodies that no read endpoint can provoke yet: a malformed JSON body (write endpoints come
 * later, so a stand-in controller accepts one) and the servlet container's error dispatch.
 */
@WebMvcTest(controllers = JsonErrorController.class)
@Import(ErrorResponsesTest.JsonBodyController.class)
class ErrorResponsesTest {

  @Autowired MockMvc mvc;

  @Test
  void malformedJsonBodyIs400() throws Exception {
    mvc.perform(post("/test/json").contentType(MediaType.APPLICATION_JSON).content("{\"id\": "))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .json(
                    "{\"detail\": \"Malformed JSON request body; send a valid JSON document\"}",
                    JsonCompareMode.STRICT));
  }

  @Test
  void wellFormedJsonBodyIsAccepted() throws Exception {
    mvc.perform(post("/test/json").contentType(MediaType.APPLICATION_JSON).content("{\"id\": 1}"))
        .andExpect(status().isOk());
  }

  @Test
  void containerErrorDispatchAnswersWithDetail() throws Exception {
    mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400))
        .andExpect(status().isBadRequest())
        .andExpect(content().json("{\"detail\": \"Bad Request\"}", JsonCompareMode.STRICT));
  }

  @Test
  void directRequestForTheErrorPathIs404() throws Exception {
    mvc.perform(get("/error"))
        .andExpect(status().isNotFound())
        .andExpect(content().json("{\"detail\": \"Not Found\"}", JsonCompareMode.STRICT));
  }

  @RestController
  static class JsonBodyController {

    @PostMapping("/test/json")
    Map<String, Object> echo(@RequestBody Map<String, Object> body) {
      return body;
    }
  }
}
