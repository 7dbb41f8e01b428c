package dev.argus.api.users;

import dev.argus.api.ApiHttp;
import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser's share of the sign-in, over {@link ApiHttp} (so every answer is checked against the
 * api's own document): it keeps the cookies the api sets and sends them back, and sends the
 * XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header when asked to, as the dashboard's scripts
 * do.
 */
final class Browser {

  private final ApiHttp api;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final List<String> setCookieHeaders = new ArrayList<>();

  Browser(ApiHttp api) {
    this.api = api;
  }

  /** Sends the request with the cookies only: what a page of another site could make it send. */
  ApiHttp.Response send(String method, String path, String json) {
    return exchange(method, path, json, false);
  }

  /** Sends the request with the cookies and the CSRF header, as the dashboard does. */
  ApiHttp.Response sendWithToken(String method, String path, String json) {
    return exchange(method, path, json, true);
  }

  ApiHttp.Response csrf() {
    return send("GET", "/api/v1/auth/csrf", null);
  }

  ApiHttp.Response signIn(String username, String password) {
    if (!cookies.containsKey("XSRF-TOKEN")) {
      csrf();
    }
    return sendWithToken(
        "POST",
        "/api/v1/auth/login",
        "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  /** The raw Set-Cookie headers of the last answer. */
  List<String> lastSetCookies() {
    return List.copyOf(setCookieHeaders);
  }

  private ApiHttp.Response exchange(String method, String path, String json, boolean withToken) {
    List<String> headers = new ArrayList<>();
    if (!cookies.isEmpty()) {
      headers.add("Cookie");
      headers.add(
          String.join(
              "; ",
              cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    if (withToken && cookies.containsKey("XSRF-TOKEN")) {
      headers.add("X-XSRF-TOKEN");
      headers.add(cookies.get("XSRF-TOKEN"));
    }
    ApiHttp.Response response = api.send(method, path, json, headers.toArray(String[]::new));
    setCookieHeaders.clear();
    for (String header : response.headers().allValues("Set-Cookie")) {
      setCookieHeaders.add(header);
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
          cookies.remove(cookie.getName());
        } else {
          cookies.put(cookie.getName(), cookie.getValue());
        }
      }
    }
    return response;
  }
}
