package dev.argus.api.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds {@code status_code} to every {@link ErrorBody} a controller or exception handler answers on
 * the routes of {@link StatusCodePaths}, with the status the answer is sent with, so no controller
 * has to know which seed its error bodies follow.
 */
@RestControllerAdvice
class StatusCodeInErrorBodies implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType selectedContentType,
      Class<? extends HttpMessageConverter<?>> selectedConverterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ErrorBody error
        && request instanceof ServletServerHttpRequest servletRequest
        && response instanceof ServletServerHttpResponse servletResponse) {
      HttpServletRequest http = servletRequest.getServletRequest();
      return error.forAnswer(http, servletResponse.getServletResponse().getStatus());
    }
    return body;
  }
}
