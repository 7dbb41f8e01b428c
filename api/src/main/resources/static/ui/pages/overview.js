// The overview: everything watched, one panel per domain. Each panel loads on its own (a domain the
// person cannot read says so instead of hiding the others) and refreshes on live notifications of
// its domain, and every 15 s.
import { api, query } from '../api.js';
import { h, fill, section, pill, fmtNumber, ago, failure } from '../dom.js';
import { live } from '../live.js';

export function render(main) {
  const ups = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const targets = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const models = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const cameras = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  main.append(
    h('h1', {}, 'Overview'),
    h('div', { class: 'grid' },
      section('ov-ups', 'UPSes and power', ups, h('a', { href: '#/power' }, 'Power details')),
      section('ov-targets', 'Targets', targets, h('a', { href: '#/targets' }, 'Target details')),
      section('ov-models', 'LLM models', models, h('a', { href: '#/models' }, 'Model details')),
      section('ov-cameras', 'Cameras', cameras, h('a', { href: '#/cameras' }, 'Camera details'))));

  const loaders = { power: () => loadUps(ups), target: () => loadTargets(targets), llm: () => loadModels(models), camera: () => loadCameras(cameras) };
  Object.values(loaders).forEach((load) => load());
  // Probes and polls keep coming without a notification: read everything again now and then.
  const timer = setInterval(() => Object.values(loaders).forEach((load) => load()), 15000);
  const stops = [
    live.on('notification.new', (n) => loaders[n.source]?.()),
    live.on('event.created', loaders.camera),
    live.on('event.updated', loaders.camera),
    live.on('camera.status', loaders.camera),
  ];
  return () => { clearInterval(timer); stops.forEach((stop) => stop()); };
}

async function guarded(el, load) {
  try {
    await load();
  } catch (e) {
    fill(el, failure(e));
  }
}

function loadUps(el) {
  return guarded(el, async () => {
    const devices = await api.get('/api/devices');
    const latest = await Promise.all(devices.map((d) =>
      api.get(`/api/snapshots/latest${query({ device_id: d.id })}`).catch(() => null)));
    if (!devices.length) { fill(el, h('p', { class: 'muted' }, 'No devices yet.')); return; }
    fill(el, h('ul', { class: 'list' }, devices.map((d, i) => {
      const s = latest[i];
      return h('li', { dataset: { device: d.id } },
        h('div', { class: 'item-head' }, h('strong', {}, d.name), pill(s?.ups_status || 'unknown', upsStatusText(s?.ups_status))),
        h('div', { class: 'kpis' },
          h('span', {}, 'Battery ', h('b', {}, fmtNumber(s?.battery_percent, 0, ' %'))),
          h('span', {}, 'Load ', h('b', {}, fmtNumber(s?.load_percent, 0, ' %'))),
          h('span', {}, 'Power ', h('b', {}, fmtNumber(s?.power_watts, 0, ' W'))),
          h('span', { class: 'muted' }, 'seen ', ago(d.last_seen))));
    })));
  });
}

/** NUT's status words as a person reads them. */
export function upsStatusText(status) {
  if (!status) return 'no reading';
  const words = { OL: 'on line', OB: 'on battery', LB: 'low battery', CHRG: 'charging', DISCHRG: 'discharging', OVER: 'overload', RB: 'replace battery', BYPASS: 'bypass', CAL: 'calibrating', OFF: 'off' };
  return status.split(/\s+/).map((w) => words[w] || w).join(', ');
}

function loadTargets(el) {
  return guarded(el, async () => {
    const [page, alert] = await Promise.all([
      api.get('/api/v1/targets?page_size=200'),
      api.get('/api/v1/alert-status').catch(() => null),
    ]);
    const up = page.items.filter((t) => t.current_status?.status === 'up').length;
    const down = page.items.filter((t) => t.current_status?.status === 'down').length;
    fill(el,
      alert?.alert ? h('p', { class: 'banner bad', role: 'status' }, `Alert: ${alert.failing_count} failing (${alert.failing_targets.map((t) => t.name).join(', ')})`) : null,
      h('p', { class: 'kpis' }, h('span', {}, h('b', {}, up), ' up'), h('span', {}, h('b', {}, down), ' down'), h('span', {}, h('b', {}, page.total), ' in all')),
      h('ul', { class: 'list' }, page.items.map((t) => h('li', { dataset: { target: t.id } },
        h('div', { class: 'item-head' }, h('strong', {}, t.name), pill(t.current_status?.status || 'pending', t.current_status?.status || 'pending')),
        h('div', { class: 'kpis muted' },
          h('span', {}, t.type),
          t.current_status?.status === 'up' ? h('span', {}, fmtNumber(t.current_status.last_response_ms, 0, ' ms')) : null,
          t.current_status?.last_error ? h('span', {}, t.current_status.last_error) : null)))));
  });
}

/** The newest probe of every model from the uptime history (newest first). */
export function latestPerModel(items) {
  const latest = new Map();
  for (const item of items) if (!latest.has(item.model_id)) latest.set(item.model_id, item);
  return latest;
}

function loadModels(el) {
  return guarded(el, async () => {
    const [models, uptime] = await Promise.all([
      api.get('/api/v1/models?limit=200'),
      api.get('/api/v1/monitoring/uptime?limit=500'),
    ]);
    const latest = latestPerModel(uptime.items);
    const monitored = models.items.filter((m) => m.enabled_for_monitoring);
    if (!monitored.length) { fill(el, h('p', { class: 'muted' }, 'No monitored models yet.')); return; }
    fill(el, h('ul', { class: 'list' }, monitored.map((m) => {
      const probe = latest.get(m.id);
      return h('li', { dataset: { model: m.id } },
        h('div', { class: 'item-head' }, h('strong', {}, m.custom_name || m.model_id), pill(probe?.status || 'pending', probe?.status || 'not probed')),
        h('div', { class: 'kpis muted' },
          h('span', {}, m.provider_name),
          h('span', {}, 'TTFT ', h('b', {}, fmtNumber(probe?.ttft_ms, 0, ' ms'))),
          h('span', {}, 'TPS ', h('b', {}, fmtNumber(probe?.tps, 0))),
          probe ? h('span', {}, ago(probe.created_at)) : null));
    })));
  });
}

function loadCameras(el) {
  return guarded(el, async () => {
    const { cameras } = await api.get('/api/v1/cameras');
    if (!cameras.length) { fill(el, h('p', { class: 'muted' }, 'No cameras yet.')); return; }
    const latest = await Promise.all(cameras.map((c) =>
      api.get(`/api/v1/events${query({ camera_id: c.id, limit: 1 })}`).then((p) => p.items[0]).catch(() => null)));
    fill(el, h('ul', { class: 'list' }, cameras.map((c, i) => {
      const event = latest[i];
      return h('li', { dataset: { camera: c.id } },
        h('div', { class: 'item-head' }, h('strong', {}, c.name), pill(c.status?.state || 'unknown', c.status?.state || 'unknown')),
        event
          ? h('p', {}, h('span', { class: 'muted' }, ago(event.occurred_at), ' · ', event.detection_type || event.source, ': '),
            event.description || h('em', {}, `description ${event.description_status || 'pending'}`))
          : h('p', { class: 'muted' }, 'No events yet.'));
    })));
  });
}
