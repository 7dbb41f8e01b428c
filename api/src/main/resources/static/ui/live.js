// The live feed: one WebSocket to /ws for the whole app (camera events and their descriptions,
// camera statuses, and notifications of every domain). It reconnects with a growing pause, and
// tells listeners by message type ("event.created", "event.updated", "camera.status",
// "notification.new"); "*" hears them all.

const listeners = new Map();
let socket = null;
let wanted = false;
let pause = 1000;
let timer = null;

function setState(state) {
  const el = document.getElementById('live-state');
  if (el) {
    el.dataset.state = state;
    el.textContent = state === 'live' ? 'live' : 'reconnecting';
  }
}

function dispatch(message) {
  for (const key of [message.type, '*']) {
    (listeners.get(key) || []).forEach((fn) => {
      try { fn(message.data, message); } catch (e) { console.error(e); }
    });
  }
}

function open() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(`${scheme}//${location.host}/ws`);
  socket.addEventListener('open', () => { pause = 1000; setState('live'); });
  socket.addEventListener('message', (e) => {
    try { dispatch(JSON.parse(e.data)); } catch { /* not a message of ours */ }
  });
  socket.addEventListener('close', () => {
    socket = null;
    if (!wanted) return;
    setState('offline');
    timer = setTimeout(open, pause);
    pause = Math.min(pause * 2, 30000);
  });
}

export const live = {
  start() {
    if (wanted) return;
    wanted = true;
    open();
  },
  stop() {
    wanted = false;
    clearTimeout(timer);
    if (socket) socket.close();
    socket = null;
  },
  /** Listens to one message type; returns the function that stops listening. */
  on(type, fn) {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type).add(fn);
    return () => listeners.get(type).delete(fn);
  },
};
