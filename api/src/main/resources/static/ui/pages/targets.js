// Targets: every monitored address with its state, and the chosen one's response times and events.
import { api, query } from '../api.js';
import { h, fill, section, table, pill, fmtNumber, fmtTime, ago, failure } from '../dom.js';
import { timeChart } from '../chart.js';
import { live } from '../live.js';

export async function render(main, { args }) {
  main.append(h('h1', {}, 'Targets'));
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const detail = h('div', { class: 'stack' });
  main.append(section('tg-all', 'All targets', list), h('div', { id: 'tg-detail' }, detail));
  let destroy = () => {};

  const refresh = async () => {
    try {
      const [page, alert] = await Promise.all([api.get('/api/v1/targets?page_size=200'), api.get('/api/v1/alert-status').catch(() => null)]);
      fill(list,
        alert ? h('p', { class: `banner ${alert.alert ? 'bad' : 'ok'}` }, alert.alert ? `${alert.failing_count} failing: ${alert.failing_targets.map((t) => `${t.name} (${t.status}, ${t.failures}/${t.threshold})`).join(', ')}` : 'Every target is up.') : null,
        table('Targets', [
          { label: 'Name', value: (t) => h('a', { href: `#/targets/${t.id}` }, t.name) },
          { label: 'Status', value: (t) => pill(t.current_status?.status || 'pending') },
          { label: 'Type', value: (t) => t.type },
          { label: 'Address', value: (t) => t.address },
          { label: 'Response', num: true, value: (t) => (t.current_status?.status === 'up' ? fmtNumber(t.current_status.last_response_ms, 0, ' ms') : '—') },
          { label: 'Checked', value: (t) => ago(t.current_status?.last_checked_at) },
        ], page.items, 'No targets yet.'));
      const chosen = page.items.find((t) => String(t.id) === args[0]) || page.items[0];
      if (chosen) await showTarget(chosen);
    } catch (e) {
      fill(list, failure(e));
    }
  };

  const showTarget = async (target) => {
    const [results, events] = await Promise.all([
      api.get(`/api/v1/targets/${target.id}/results${query({ page_size: 200 })}`),
      api.get(`/api/v1/targets/${target.id}/events${query({ page_size: 20 })}`),
    ]);
    destroy();
    const points = results.items.slice().reverse();
    const chart = timeChart(`Response times of ${target.name} in milliseconds`, [{ label: 'Response time', unit: 'ms', points: points.map((r) => ({ t: r.timestamp, v: r.up ? r.response_time_ms : null })) }]);
    destroy = chart.destroy;
    const upCount = points.filter((r) => r.up).length;
    fill(detail, section('tg-one', target.name,
      h('p', { class: 'kpis' }, pill(target.current_status?.status || 'pending'),
        h('span', {}, `${points.length ? Math.round((upCount / points.length) * 100) : 0} % up over the last ${points.length} checks`)),
      chart.el,
      h('h3', {}, 'Events'),
      table(`Events of ${target.name}`, [
        { label: 'When', value: (e) => fmtTime(e.timestamp) },
        { label: 'Event', value: (e) => e.event_type },
        { label: 'Severity', value: (e) => pill(e.severity) },
      ], events.items, 'No events yet.')));
  };

  await refresh();
  const timer = setInterval(refresh, 20000);
  const stop = live.on('notification.new', (n) => { if (n.source === 'target') refresh(); });
  return () => { clearInterval(timer); stop(); destroy(); };
}
