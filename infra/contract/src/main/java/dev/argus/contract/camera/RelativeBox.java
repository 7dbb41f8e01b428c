package dev.argus.contract.camera;

/** A rectangle of the picture in relative coordinates (0..1): left, top, width, height. */
public record RelativeBox(double x, double y, double width, double height) {}
