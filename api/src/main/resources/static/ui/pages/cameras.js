// Cameras: each camera's state, and its recent events as cards with a thumbnail and the AI's
// description. New events and their descriptions arrive live over /ws.
import { api, query } from '../api.js';
import { h, fill, section, table, pill, fmtNumber, fmtTime, field, failure, announce } from '../dom.js';
import { live } from '../live.js';

const SHOWN = 12;

export async function render(main, { args, navigate }) {
  main.append(h('h1', {}, 'Cameras'));
  let cameras;
  try {
    ({ cameras } = await api.get('/api/v1/cameras'));
  } catch (e) {
    main.append(failure(e));
    return undefined;
  }
  const state = h('div', {});
  const picker = h('select', {}, h('option', { value: '' }, 'All cameras'), cameras.map((c) => h('option', { value: c.id, selected: c.id === args[0] }, c.name)));
  picker.addEventListener('change', () => navigate(`#/cameras/${picker.value}`));
  const grid = h('ul', { class: 'events list', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const cards = new Map();
  main.append(section('cm-all', 'Cameras', state),
    section('cm-events', 'Recent events', h('div', { class: 'row' }, field('cm-camera', 'Camera', picker)), grid));

  const showState = () => fill(state, table('Cameras', [
    { label: 'Camera', value: (c) => h('a', { href: `#/cameras/${c.id}` }, c.name) },
    { label: 'State', value: (c) => pill(c.status?.state || 'unknown') },
    { label: 'Type', value: (c) => c.type },
    { label: 'Resolution', value: (c) => c.status?.resolution || '—' },
    { label: 'Analysis', value: (c) => `${c.analysis_mode}, ${fmtNumber(c.frame_count)} frames` },
  ], cameras, 'No cameras yet.'));
  showState();

  const card = (e, thumbnail) => {
    const img = h('img', { alt: `Snapshot of ${e.camera_name || 'the camera'} at ${fmtTime(e.occurred_at)}`, hidden: !thumbnail, src: thumbnail ? `data:image/jpeg;base64,${thumbnail}` : null });
    const text = h('p', { class: 'description' }, e.description || h('em', {}, `Description ${e.description_status || 'pending'}`));
    const el = h('li', { class: 'panel event-card', dataset: { event: e.id } }, img,
      h('div', { class: 'item-head' }, h('strong', {}, e.detection_type || e.source), h('time', { datetime: e.occurred_at, class: 'muted' }, fmtTime(e.occurred_at))),
      h('div', { class: 'muted' }, e.camera_name), text);
    cards.set(e.id, { el, img, text });
    return el;
  };

  try {
    const page = await api.get(`/api/v1/events${query({ camera_id: args[0], limit: SHOWN })}`);
    fill(grid, page.items.map((e) => card(e, null)));
    if (!page.items.length) grid.append(h('li', { class: 'muted' }, 'No events yet.'));
    // Thumbnails come with each event's detail; load them after the list is on screen.
    page.items.forEach((e) => api.get(`/api/v1/events/${e.id}`).then((d) => {
      const c = cards.get(e.id);
      if (c && d.thumbnail) { c.img.src = `data:image/jpeg;base64,${d.thumbnail}`; c.img.hidden = false; }
    }).catch(() => {}));
  } catch (e) {
    fill(grid, h('li', {}, failure(e)));
  }

  const stops = [
    live.on('event.created', (e) => {
      if (args[0] && e.camera_id !== args[0]) return;
      grid.querySelector('li.muted')?.remove();
      grid.prepend(card({ ...e, description_status: 'pending' }, e.thumbnail));
      while (grid.children.length > SHOWN) grid.lastElementChild.remove();
      announce(`New ${e.detection_type || e.source} event on ${e.camera_name}`);
    }),
    live.on('event.updated', (e) => {
      const c = cards.get(e.id);
      if (c) fill(c.text, e.description || h('em', {}, e.error || `Description ${e.outcome}`));
    }),
    live.on('camera.status', (s) => {
      const camera = cameras.find((c) => c.id === s.camera_id);
      if (camera) { camera.status = { ...camera.status, state: s.state, reason: s.reason }; showState(); }
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
