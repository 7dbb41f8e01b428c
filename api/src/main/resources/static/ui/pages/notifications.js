// Notifications: what arrived over /ws this session (every domain), the LLM alerts (which can be
// acknowledged) and the log of alert deliveries to the providers. Opening the page marks what
// arrived as seen, which clears the badge.
import { api } from '../api.js';
import { h, fill, section, table, pill, fmtTime, failure } from '../dom.js';
import { notifications } from '../notices.js';
import { can } from '../scopes.js';

export async function render(main, { user }) {
  main.append(h('h1', {}, 'Notifications'));
  const received = h('ol', { class: 'list', 'aria-live': 'polite' });
  const alerts = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const deliveries = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  main.append(
    section('nt-live', 'Arrived while you were here', received),
    h('div', { class: 'grid' }, section('nt-llm', 'Model and camera alerts', alerts), section('nt-sent', 'Sent to alert providers', deliveries)));

  const showReceived = () => {
    const items = notifications.received();
    fill(received, items.length ? items.map((n) => h('li', {},
      h('div', { class: 'item-head' }, h('span', {}, pill(n.severity || 'info'), ' ', h('strong', {}, n.type), ' · ', n.subject_name || n.subject),
        h('span', { class: 'muted' }, n.source, ' · ', fmtTime(n.at))),
      h('div', {}, n.message))) : h('li', { class: 'muted' }, 'Nothing new since you signed in. New alerts of every domain appear here as they happen.'));
    notifications.markSeen();
  };
  showReceived();
  const stop = notifications.onNew(() => setTimeout(showReceived));

  const loadAlerts = async () => {
    try {
      const page = await api.get('/api/v1/alerts?limit=50');
      fill(alerts, h('p', {}, `${page.unacknowledged_count} not acknowledged`), table('Alerts', [
        { label: 'Opened', value: (a) => fmtTime(a.opened_at) },
        { label: 'Severity', value: (a) => pill(a.severity) },
        { label: 'Alert', value: (a) => [h('strong', {}, a.rule_name || a.rule_type), h('div', {}, a.message)] },
        { label: 'State', value: (a) => pill(a.status === 'open' ? 'down' : 'up', a.status) },
        { label: '', value: (a) => (a.acknowledged ? 'acknowledged' : can(user, 'write:models')
          ? h('button', { type: 'button', class: 'secondary', onclick: () => acknowledge(a.id) }, 'Acknowledge', h('span', { class: 'visually-hidden' }, ` ${a.rule_name || ''}`)) : '') },
      ], page.items, 'No alerts.'));
    } catch (e) {
      fill(alerts, failure(e));
    }
  };
  const acknowledge = async (id) => {
    try { await api.patch(`/api/v1/alerts/${id}/acknowledge`); } catch (e) { alerts.prepend(failure(e)); }
    await loadAlerts();
    notifications.refresh();
  };
  loadAlerts();

  try {
    const page = await api.get('/api/alerts/deliveries?page_size=50');
    fill(deliveries, table('Deliveries', [
      { label: 'When', value: (d) => fmtTime(d.created_at) },
      { label: 'Provider', value: (d) => d.provider },
      { label: 'Event', value: (d) => `${d.event_type}${d.is_test ? ' (test)' : ''}${d.subject_id ? ` · ${d.subject_id}` : ''}` },
      { label: 'Outcome', value: (d) => [pill(d.outcome), d.error ? h('div', { class: 'muted' }, d.error) : null] },
    ], page.items, 'Nothing sent yet (add a provider in Settings).'));
  } catch (e) {
    fill(deliveries, failure(e));
  }
  return stop;
}
