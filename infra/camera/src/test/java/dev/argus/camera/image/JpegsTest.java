package dev.argus.camera.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegsTest {

  private static BufferedImage picture(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.YELLOW);
    g.fillRect(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  private static BufferedImage decode(byte[] jpeg) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  @Test
  void aWidePictureIsScaledToTheWidthKeepingItsAspect() throws IOException {
    byte[] jpeg = Jpegs.encode(picture(1280, 720, BufferedImage.TYPE_INT_RGB), 0.8f, 640);

    BufferedImage decoded = decode(jpeg);
    assertThat(decoded.getWidth()).isEqualTo(640);
    assertThat(decoded.getHeight()).isEqualTo(360);
    assertThat(new Color(decoded.getRGB(320, 180)).getRed()).isGreaterThan(200);
    assertThat(new Color(decoded.getRGB(10, 10)).getBlue()).isGreaterThan(200);
  }

  @Test
  void aNarrowPictureKeepsItsSize() throws IOException {
    BufferedImage decoded =
        decode(Jpegs.encode(picture(300, 200, BufferedImage.TYPE_3BYTE_BGR), 0.8f, 640));

    assertThat(decoded.getWidth()).isEqualTo(300);
    assertThat(decoded.getHeight()).isEqualTo(200);
  }

  @Test
  void aPictureWithAlphaIsEncodedWithoutIt() throws IOException {
    BufferedImage decoded =
        decode(Jpegs.encode(picture(320, 240, BufferedImage.TYPE_INT_ARGB), 0.8f, 160));

    assertThat(decoded.getWidth()).isEqualTo(160);
    assertThat(decoded.getColorModel().hasAlpha()).isFalse();
  }

  @Test
  void lowerQualityIsSmaller() {
    BufferedImage image = picture(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    for (int i = 0; i < 640; i += 7) {
      g.setColor(new Color(i % 256, (i * 3) % 256, (i * 7) % 256));
      g.drawLine(i, 0, 640 - i, 480);
    }
    g.dispose();

    assertThat(Jpegs.encode(image, 0.3f, 640).length)
        .isLessThan(Jpegs.encode(image, 0.9f, 640).length);
  }

  @Test
  void scaledSidesAreEven() {
    BufferedImage fitted = Images.fitWidth(picture(1001, 667, BufferedImage.TYPE_INT_RGB), 321);

    assertThat(fitted.getWidth()).isEqualTo(320);
    assertThat(fitted.getHeight() % 2).isZero();
    assertThat(fitted.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
  }

  @Test
  void qualityOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> Jpegs.encode(picture(32, 32, BufferedImage.TYPE_INT_RGB), 1.5f, 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quality must be between 0 and 1, got 1.5");
  }
}
