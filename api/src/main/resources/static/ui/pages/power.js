// Power: every device's latest reading, and for the chosen one its power and battery over the
// recent snapshots and its energy per day. Refreshes every 15 s.
import { api, query } from '../api.js';
import { h, fill, section, table, pill, fmtNumber, fmtTime, ago, field, failure } from '../dom.js';
import { timeChart } from '../chart.js';
import { upsStatusText } from './overview.js';

export async function render(main, { args, navigate }) {
  main.append(h('h1', {}, 'Power'));
  let devices;
  try {
    devices = await api.get('/api/devices');
  } catch (e) {
    main.append(failure(e));
    return undefined;
  }
  if (!devices.length) { main.append(h('p', { class: 'muted' }, 'No devices yet.')); return undefined; }
  const chosen = devices.find((d) => d.id === args[0]) || devices[0];
  const picker = h('select', {}, devices.map((d) => h('option', { value: d.id, selected: d.id === chosen.id }, d.name)));
  picker.addEventListener('change', () => navigate(`#/power/${encodeURIComponent(picker.value)}`));
  const fleet = h('div', {});
  const charts = h('div', { class: 'stack' });
  const energy = h('div', {});
  main.append(
    section('pw-fleet', 'Devices', fleet),
    h('div', { class: 'row' }, field('pw-device', 'Device', picker)),
    h('div', { class: 'grid' }, section('pw-charts', `Power and battery: ${chosen.name}`, charts), section('pw-energy', `Energy per day: ${chosen.name}`, energy)));

  let destroy = [];
  const refresh = async () => {
    try {
      const [latest, history, daily] = await Promise.all([
        Promise.all(devices.map((d) => api.get(`/api/snapshots/latest${query({ device_id: d.id })}`).catch(() => null))),
        api.get(`/api/snapshots${query({ device_id: chosen.id, page_size: 200 })}`),
        api.get(`/api/energy/daily${query({ device_id: chosen.id })}`),
      ]);
      fill(fleet, table('Devices and their latest reading', [
        { label: 'Device', value: (d) => h('a', { href: `#/power/${encodeURIComponent(d.id)}` }, d.name) },
        { label: 'Status', value: (d) => pill(latest[devices.indexOf(d)]?.ups_status || 'unknown', upsStatusText(latest[devices.indexOf(d)]?.ups_status)) },
        { label: 'Battery', num: true, value: (d) => fmtNumber(latest[devices.indexOf(d)]?.battery_percent, 0, ' %') },
        { label: 'Load', num: true, value: (d) => fmtNumber(latest[devices.indexOf(d)]?.load_percent, 0, ' %') },
        { label: 'Power', num: true, value: (d) => fmtNumber(latest[devices.indexOf(d)]?.power_watts, 0, ' W') },
        { label: 'Runtime', num: true, value: (d) => fmtNumber((latest[devices.indexOf(d)]?.runtime_seconds ?? NaN) / 60, 0, ' min') },
        { label: 'Seen', value: (d) => ago(d.last_seen) },
      ], devices));
      destroy.forEach((d) => d());
      const points = history.items.slice().reverse();
      const power = timeChart(`Power of ${chosen.name} in watts`, [{ label: 'Power', unit: 'W', points: points.map((s) => ({ t: s.timestamp, v: s.power_watts })) }]);
      const battery = timeChart(`Battery and load of ${chosen.name} in percent`, [
        { label: 'Battery', unit: '%', points: points.map((s) => ({ t: s.timestamp, v: s.battery_percent })) },
        { label: 'Load', unit: '%', points: points.map((s) => ({ t: s.timestamp, v: s.load_percent })) },
      ]);
      destroy = [power.destroy, battery.destroy];
      fill(charts, h('h3', {}, 'Power'), power.el, h('h3', {}, 'Battery and load'), battery.el,
        h('p', { class: 'muted' }, `The last ${points.length} readings.`));
      fill(energy, table(`Energy per day of ${chosen.name}`, [
        { label: 'Day', value: (d) => d.day },
        { label: 'Energy', num: true, value: (d) => fmtNumber(d.kwh, 3, ' kWh') },
        { label: 'Cost', num: true, value: (d) => `${fmtNumber(d.cost, 2)} ${d.currency}` },
      ], daily, 'No energy recorded yet.'), h('p', { class: 'muted' }, `As of ${fmtTime(new Date().toISOString())}`));
    } catch (e) {
      fill(charts, failure(e));
    }
  };
  await refresh();
  const timer = setInterval(refresh, 15000);
  return () => { clearInterval(timer); destroy.forEach((d) => d()); };
}
