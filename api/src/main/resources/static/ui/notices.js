// The unread badge: notifications of every domain that arrived over /ws since the notifications
// page was last opened, plus the LLM alerts the api counts as unread (they are acknowledged there).
import { api } from './api.js';
import { live } from './live.js';

const SEEN_KEY = 'argus.notifications.seen';
const received = [];
let unreadLlm = 0;
let stopLive = null;
let timer = null;

function seenAt() {
  return Number(localStorage.getItem(SEEN_KEY) || 0);
}

function render() {
  const unseen = received.filter((n) => n.receivedAt > seenAt()).length;
  const total = unseen + unreadLlm;
  const badge = document.getElementById('unread');
  if (!badge) return;
  badge.hidden = total === 0;
  badge.textContent = String(total);
  badge.setAttribute('aria-label', `${total} unread`);
}

async function refreshLlm() {
  try {
    unreadLlm = (await api.get('/api/v1/alerts/unread-count')).count || 0;
  } catch {
    unreadLlm = 0; // a person without read:models has no LLM alerts to read
  }
  render();
}

export const notifications = {
  start() {
    if (stopLive) return;
    stopLive = live.on('notification.new', (data, message) => {
      received.unshift({ ...data, at: message.at, receivedAt: Date.now() });
      received.length = Math.min(received.length, 200);
      render();
      if (data.source === 'llm') refreshLlm();
    });
    refreshLlm();
    timer = setInterval(refreshLlm, 60000);
  },
  stop() {
    if (stopLive) stopLive();
    stopLive = null;
    clearInterval(timer);
    received.length = 0;
  },
  /** The notifications heard over /ws this session, newest first. */
  received() {
    return received.slice();
  },
  /** Marks everything received as seen (the notifications page is open). */
  markSeen() {
    localStorage.setItem(SEEN_KEY, String(Date.now()));
    render();
  },
  refresh: refreshLlm,
  /** Listens for new ones while a page is open. */
  onNew(fn) {
    return live.on('notification.new', fn);
  },
};
