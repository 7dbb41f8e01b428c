/**
 * A deterministic synthetic camera picture (a still yard with a box that moves during scripted
 * intervals): the demo's snapshot camera serves it, and tests use it to know where motion is.
 */
package dev.argus.camera.scene;
