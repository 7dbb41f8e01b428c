package dev.argus.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving static files from {@code dir/html} on loopback: the reference for what
 * this machine can serve over HTTP at all. Runs in the foreground with its own configuration, so it
 * needs no system configuration and ends with the benchmark.
 */
final class Nginx implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path html;

  private Nginx(Process process, int port, Path html) {
    this.process = process;
    this.port = port;
    this.html = html;
  }

  static Nginx start(Path dir) throws IOException, InterruptedException {
    Path html = Files.createDirectories(dir.resolve("html"));
    Files.createDirectories(dir.resolve("logs"));
    int port = BenchStack.freePort();
    // As root, nginx's workers would switch to 'nobody', who may not read a checkout under /root.
    String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(
        conf,
        user
            + """
            daemon off;
            worker_processes 2;
            pid %1$s/nginx.pid;
            error_log %1$s/logs/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              default_type application/json;
              sendfile on;
              keepalive_requests 1000000;
              server {
                listen 127.0.0.1:%2$d;
                root %3$s;
              }
            }
            """
                .formatted(dir.toAbsolutePath(), port, html.toAbsolutePath()));
    Process process =
        new ProcessBuilder(
                "nginx",
                "-p",
                dir.toAbsolutePath().toString(),
                "-e",
                dir.resolve("logs/error.log").toAbsolutePath().toString(),
                "-c",
                conf.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("logs/nginx.out").toFile())
            .start();
    Nginx nginx = new Nginx(process, port, html);
    for (int i = 0; i < 100; i++) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return nginx;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("nginx did not start; see " + dir.resolve("logs"));
        }
        Thread.sleep(100);
      }
    }
    nginx.close();
    throw new IllegalStateException("nginx did not listen on port " + port + " within 10 s");
  }

  /** Serves {@code body} at {@code /name}; returns its URL. */
  String serve(String name, byte[] body) throws IOException {
    Files.write(html.resolve(name), body);
    return "http://127.0.0.1:" + port + "/" + name;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
