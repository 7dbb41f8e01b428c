// One timeline of what happened, across the domains: power events, target events, LLM alerts and
// camera events, newest first, with filters; new notifications arrive live over /ws.
import { api } from '../api.js';
import { h, fill, pill, fmtTime, field, failure } from '../dom.js';
import { live } from '../live.js';

const DOMAINS = { power: 'Power', target: 'Targets', llm: 'Models', camera: 'Cameras' };

export function render(main, { query: params }) {
  const entries = [];
  const domain = h('select', {}, h('option', { value: '' }, 'All domains'),
    Object.entries(DOMAINS).map(([v, label]) => h('option', { value: v }, label)));
  const severity = h('select', {}, h('option', { value: '' }, 'Any severity'),
    ['info', 'low', 'medium', 'high', 'critical'].map((s) => h('option', { value: s }, s)));
  const text = h('input', { type: 'search', placeholder: 'Name, type or message' });
  domain.value = params.get('domain') || '';
  const list = h('ol', { class: 'list', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const status = h('p', { class: 'muted' }, 'Loading…');
  const form = h('form', { class: 'row panel', role: 'search', 'aria-label': 'Filter the timeline' },
    field('tl-domain', 'Domain', domain), field('tl-severity', 'Severity', severity), field('tl-text', 'Search', text));
  form.addEventListener('submit', (e) => e.preventDefault());
  main.append(h('h1', {}, 'Timeline'), form, h('section', { class: 'panel', 'aria-label': 'Events' }, status, list));

  const show = () => {
    const words = text.value.trim().toLowerCase();
    const shown = entries
      .filter((e) => !domain.value || e.domain === domain.value)
      .filter((e) => !severity.value || e.severity === severity.value)
      .filter((e) => !words || `${e.subject} ${e.type} ${e.message}`.toLowerCase().includes(words))
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 300);
    fill(list, shown.map(entryItem));
    status.textContent = shown.length ? `${shown.length} of ${entries.length} events` : 'No events match.';
  };
  [domain, severity].forEach((el) => el.addEventListener('change', show));
  text.addEventListener('input', show);

  load(entries).then((problems) => {
    show();
    if (problems.length) status.after(...problems.map((p) => failure(p)));
  });
  const stops = [
    live.on('notification.new', (n, message) => {
      entries.push({ domain: n.source, at: message.at, type: n.type, severity: n.severity, subject: n.subject_name || n.subject, message: n.message, live: true });
      show();
    }),
    live.on('event.created', (e, message) => {
      entries.push({ domain: 'camera', at: message.at, type: e.detection_type || e.source, severity: 'info', subject: e.camera_name, message: 'Camera event', live: true });
      show();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

function entryItem(e) {
  return h('li', { dataset: { domain: e.domain } },
    h('div', { class: 'item-head' },
      h('span', {}, pill(e.severity || 'info', e.severity || 'info'), ' ', h('strong', {}, e.type), ' · ', e.subject || ''),
      h('span', { class: 'muted' }, DOMAINS[e.domain] || e.domain, ' · ', h('time', { datetime: e.at }, fmtTime(e.at)), e.live ? ' · live' : '')),
    e.message ? h('div', {}, e.message) : null);
}

/** Loads every domain's history into entries; returns what could not be read. */
async function load(entries) {
  const problems = [];
  const add = (promise) => promise.catch((e) => problems.push(e));
  await Promise.all([
    add(api.get('/api/events?page_size=200').then((p) => p.items.forEach((e) => entries.push({
      domain: 'power', at: e.timestamp, type: e.event_type, severity: e.severity, subject: e.device_id, message: describe(e.metadata),
    })))),
    add(api.get('/api/v1/targets?page_size=200').then((targets) => Promise.all(targets.items.map(async (t) => {
      const page = await api.get(`/api/v1/targets/${t.id}/events?page_size=50`);
      page.items.forEach((e) => entries.push({
        domain: 'target', at: e.timestamp, type: e.event_type, severity: e.severity, subject: t.name, message: describe(e.metadata),
      }));
    })))),
    add(api.get('/api/v1/alerts?limit=200').then((p) => p.items.forEach((a) => entries.push({
      domain: 'llm', at: a.opened_at, type: a.rule_type, severity: a.severity, subject: a.subject, message: `${a.message} (${a.status})`,
    })))),
    add(api.get('/api/v1/events?limit=100').then((p) => p.items.forEach((e) => entries.push({
      domain: 'camera', at: e.occurred_at, type: e.detection_type || e.source, severity: 'info', subject: e.camera_name, message: e.description || '',
    })))),
  ]);
  return problems;
}

/** A line from an event's metadata: its message if it has one, else its fields. */
function describe(metadata) {
  if (!metadata) return '';
  if (typeof metadata.message === 'string') return metadata.message;
  return Object.entries(metadata).filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k.replaceAll('_', ' ')}: ${v}`).join(', ');
}
