package dev.argus.api.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies {@link TextInput} to every JSON request body before it is bound, whatever it is bound to:
 * records, free-form maps such as a device's {@code connection_config}, or a {@code JsonNode} as
 * {@code PUT /api/config} takes. Every string value and property name, at any depth, is checked;
 * the first one with a NUL is answered 422 naming its path. A body that is not valid JSON is left
 * to the converter, which answers 400.
 */
@ControllerAdvice
final class JsonBodyTextCheck extends RequestBodyAdviceAdapter {

  private final JsonMapper json;

  JsonBodyTextCheck(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    byte[] body;
    try {
      // At most 1 MB: RequestBodyLimitFilter stops a larger body while it is read.
      body = input.getBody().readAllBytes();
    } catch (IOException e) {
      // Too large, too slow, or the client went away: as the converter would have reported it.
      throw new HttpMessageNotReadableException("I/O error while reading the body", e, input);
    }
    Optional<String> problem = problem(body, charsetOf(input.getHeaders()));
    if (problem.isPresent()) {
      throw new TextInput.InvalidTextException(problem.get());
    }
    return new Buffered(body, input.getHeaders());
  }

  /** The first string or property name of the body that breaks {@link TextInput}, as a detail. */
  Optional<String> problem(byte[] body, Charset charset) {
    try (JsonParser parser = parser(body, charset)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.PROPERTY_NAME) {
          if (TextInput.hasNul(parser.currentName())) {
            return Optional.of(
                JsonPaths.of(parser.streamReadContext().getParent())
                    + ": property names "
                    + TextInput.NUL_CHARACTERS);
          }
        } else if (token == JsonToken.VALUE_STRING) {
          Optional<String> problem =
              TextInput.problem(JsonPaths.of(parser.streamReadContext()), parser.getString());
          if (problem.isPresent()) {
            return problem;
          }
        }
      }
    } catch (JacksonException syntaxError) {
      // Not JSON: the converter reads it again and answers 400.
    }
    return Optional.empty();
  }

  private JsonParser parser(byte[] body, Charset charset) {
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      // Jackson detects UTF-8/16/32 from the bytes, as the converter does.
      return json.createParser(body);
    }
    return json.createParser(new InputStreamReader(new ByteArrayInputStream(body), charset));
  }

  private static Charset charsetOf(HttpHeaders headers) {
    MediaType type = headers.getContentType();
    return type == null ? null : type.getCharset();
  }

  private record Buffered(byte[] body, HttpHeaders headers) implements HttpInputMessage {
    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }
  }
}
