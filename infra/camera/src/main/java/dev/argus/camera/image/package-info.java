/** Frame scaling and JPEG encoding with Java2D and {@code javax.imageio}: no native code. */
package dev.argus.camera.image;
