package io.certgate.server.login;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws a captcha as a 120x40 PNG with java.awt (headless): rotated glyphs, interference lines and
 * dots. It slows scripted guessing; the lockout and rate limits are the real defence.
 */
final class CaptchaImage {
  private static final int WIDTH = 120;
  private static final int HEIGHT = 40;

  private CaptchaImage() {}

  static byte[] png(String text, Random random) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(244, 247, 252));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
      for (int i = 0; i < text.length(); i++) {
        AffineTransform saved = g.getTransform();
        g.translate(12 + i * 26, 30);
        g.rotate((random.nextDouble() - 0.5) * 0.6);
        g.setColor(new Color(random.nextInt(120), random.nextInt(120), 80 + random.nextInt(120)));
        g.drawString(String.valueOf(text.charAt(i)), 0, 0);
        g.setTransform(saved);
      }
      g.setStroke(new BasicStroke(1.3f));
      for (int i = 0; i < 5; i++) {
        g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
        g.drawLine(
            random.nextInt(WIDTH), random.nextInt(HEIGHT),
            random.nextInt(WIDTH), random.nextInt(HEIGHT));
      }
      for (int i = 0; i < 60; i++) {
        image.setRGB(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(0xFFFFFF));
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
