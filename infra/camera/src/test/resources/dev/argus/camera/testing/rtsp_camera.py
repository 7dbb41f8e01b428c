"""A real RTSP camera for tests: GStreamer's RTSP server on 127.0.0.1 (run by RtspCamera.java).

Usage: /usr/bin/python3 rtsp_camera.py PORT SECURE_PORT USER PASSWORD [FOOTAGE_MP4]
A port of 0 takes a free one. Prints "READY <port> <secure_port>" once both servers listen, or
"MISSING <what>" and exits 3 when python3-gi or a GStreamer element is not installed. Exits when
its stdin closes, so a test JVM that dies takes its camera with it.

/secure is on a second server: gst-rtsp-server answers 404 (not 401) to a client its default
token may not see, and a server without a default token would ask every mount for a password.
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

CAPS = "video/x-raw,width=320,height=240,framerate=5/1"
H264 = "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=10 ! rtph264pay name=pay0 pt=96"


def synthetic(pattern):
    return "videotestsrc is-live=true pattern=%s ! %s ! %s" % (pattern, CAPS, H264)


MOUNTS = {
    "/ball": synthetic("ball"),
    "/still": synthetic("smpte100"),
    "/noise-corner": synthetic("smpte"),
    # Without format=I420 the JPEG payloader's caps never settle and clients hang.
    "/mjpeg": "videotestsrc is-live=true pattern=ball ! %s,format=I420"
              " ! jpegenc quality=70 ! rtpjpegpay name=pay0 pt=26" % CAPS,
}

ELEMENTS = {
    "videotestsrc": "gstreamer1.0-plugins-base",
    "x264enc": "gstreamer1.0-plugins-ugly",
    "rtph264pay": "gstreamer1.0-plugins-good",
    "jpegenc": "gstreamer1.0-plugins-good",
    "rtpjpegpay": "gstreamer1.0-plugins-good",
}
FOOTAGE_ELEMENTS = {
    "qtdemux": "gstreamer1.0-plugins-good",
    "h264parse": "gstreamer1.0-plugins-bad",
}


def factory(launch, role, shared=True):
    media = GstRtspServer.RTSPMediaFactory()
    media.set_launch("( %s )" % launch)
    media.set_shared(shared)
    media.add_role_from_structure(Gst.Structure.new_from_string(
        "%s,media.factory.access=(boolean)true,media.factory.construct=(boolean)true" % role))
    return media


def token(role):
    made = GstRtspServer.RTSPToken()
    made.set_string("media.factory.role", role)
    return made


def server(port):
    made = GstRtspServer.RTSPServer()
    made.set_address("127.0.0.1")
    made.set_service(str(port))
    return made


def main():
    port, secure_port, user, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    footage = sys.argv[5] if len(sys.argv) > 5 else None
    Gst.init(None)
    needed = dict(ELEMENTS, **(FOOTAGE_ELEMENTS if footage else {}))
    absent = [name + " (" + package + ")" for name, package in needed.items()
              if Gst.ElementFactory.find(name) is None]
    if absent:
        print("MISSING GStreamer elements " + ", ".join(absent), flush=True)
        sys.exit(3)

    open_server = server(port)
    mounts = open_server.get_mount_points()
    for path, launch in MOUNTS.items():
        mounts.add_factory(path, factory(launch, "anonymous"))
    if footage:
        # Not shared: every client sees the file from its start.
        mounts.add_factory("/footage", factory(
            "filesrc location=%s ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96"
            " config-interval=1" % footage, "anonymous", shared=False))
    anonymous = GstRtspServer.RTSPAuth()
    anonymous.set_default_token(token("anonymous"))
    open_server.set_auth(anonymous)

    secure_server = server(secure_port)
    secure_server.get_mount_points().add_factory("/secure", factory(synthetic("ball"), "user"))
    basic = GstRtspServer.RTSPAuth()
    basic.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token("user"))
    secure_server.set_auth(basic)

    if open_server.attach(None) == 0 or secure_server.attach(None) == 0:
        print("FAILED to listen on 127.0.0.1:%d/%d" % (port, secure_port), flush=True)
        sys.exit(2)

    loop = GLib.MainLoop()
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR,
                      lambda *_: loop.quit() or False)
    print("READY %d %d" % (open_server.get_bound_port(), secure_server.get_bound_port()), flush=True)
    loop.run()


if __name__ == "__main__":
    main()
