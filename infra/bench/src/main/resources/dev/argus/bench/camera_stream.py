"""The camera scenario's RTSP camera: GStreamer's RTSP server on 127.0.0.1 serving /ball, a moving
ball as H.264 at WIDTHxHEIGHT and FPS, one encoder shared by every client (the cameras' own encoding
is not what the benchmark measures).

Usage: /usr/bin/python3 camera_stream.py WIDTH HEIGHT FPS
Prints "READY <port>" once it listens, or "MISSING <what>" and exits 3. Exits when stdin closes.
"""

import sys

try:
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtspServer
except (ImportError, ValueError) as missing:
    print("MISSING python3-gi with GstRtspServer 1.0 (gir1.2-gst-rtsp-server-1.0): %s" % missing,
          flush=True)
    sys.exit(3)


def main():
    width, height, fps = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    Gst.init(None)
    for element in ("videotestsrc", "x264enc", "rtph264pay"):
        if Gst.ElementFactory.find(element) is None:
            print("MISSING GStreamer element %s" % element, flush=True)
            sys.exit(3)
    media = GstRtspServer.RTSPMediaFactory()
    media.set_launch(
        "( videotestsrc is-live=true pattern=ball ! video/x-raw,width=%d,height=%d,framerate=%d/1"
        " ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=%d"
        " ! rtph264pay name=pay0 pt=96 config-interval=1 )" % (width, height, fps, 2 * fps))
    media.set_shared(True)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service("0")
    server.get_mount_points().add_factory("/ball", media)
    if server.attach(None) == 0:
        print("FAILED to listen on 127.0.0.1", flush=True)
        sys.exit(2)
    loop = GLib.MainLoop()
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR,
                      lambda *_: loop.quit() or False)
    print("READY %d" % server.get_bound_port(), flush=True)
    loop.run()


if __name__ == "__main__":
    main()
