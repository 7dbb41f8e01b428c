package dev.argus.camera.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CameraUrlTest {

  private static final Set<String> RTSP = Set.of("rtsp", "rtsps");

  @Test
  void credentialsGoIntoTheUserinfoPercentEncoded() throws SourceFailure {
    CameraUrl url = CameraUrl.check("rtsp://127.0.0.1:8554/cam?x=1", RTSP, "us er", "p@ss:w/rd%");

    assertThat(url.withUserinfo())
        .isEqualTo("rtsp://us%20er:p%40ss%3Aw%2Frd%25@127.0.0.1:8554/cam?x=1");
    assertThat(url.toString()).isEqualTo("rtsp://127.0.0.1:8554/cam?x=1");
  }

  @Test
  void redactionHidesThePasswordInEveryForm() throws SourceFailure {
    CameraUrl url = CameraUrl.check("rtsp://10.0.0.5/live", RTSP, "admin", "p@ss:w/rd%");

    assertThat(url.redact(url.withUserinfo() + ": Server returned 401"))
        .isEqualTo("rtsp://***@10.0.0.5/live: Server returned 401");
    assertThat(url.redact("password p@ss:w/rd% again")).isEqualTo("password *** again");
    assertThat(url.basicAuthorization()).startsWith("Basic ");
  }

  @Test
  void userinfoAlreadyInTheUrlIsHiddenToo() throws SourceFailure {
    CameraUrl url = CameraUrl.check("rtsp://admin:secret@10.0.0.5/live", RTSP, null, null);

    assertThat(url.toString()).isEqualTo("rtsp://10.0.0.5/live");
    assertThat(url.redact("rtsp://admin:secret@10.0.0.5/live: refused"))
        .isEqualTo("rtsp://***@10.0.0.5/live: refused");
  }

  @Test
  void anotherSchemeIsAnError() {
    assertThatThrownBy(() -> CameraUrl.check("http://10.0.0.5/live", RTSP, null, null))
        .isInstanceOf(SourceFailure.class)
        .hasMessage("the URL must start with rtsp:// or rtsps://");
  }

  @Test
  void aCloudMetadataAddressIsRefused() {
    assertThatThrownBy(() -> CameraUrl.check("rtsp://169.254.169.254/live", RTSP, null, null))
        .isInstanceOfSatisfying(
            SourceFailure.class, e -> assertThat(e.kind()).isEqualTo(Kind.ERROR))
        .hasMessageContaining("169.254.169.254 is a cloud metadata address");
  }

  @Test
  void aHostThatDoesNotResolveIsOffline() {
    assertThatThrownBy(() -> CameraUrl.check("rtsp://camera.invalid/live", RTSP, null, null))
        .isInstanceOfSatisfying(
            SourceFailure.class, e -> assertThat(e.kind()).isEqualTo(Kind.OFFLINE))
        .hasMessage("unknown host camera.invalid");
  }
}
