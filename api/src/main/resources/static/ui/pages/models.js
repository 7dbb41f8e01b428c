// LLM models: the latest probe of each, TTFT and TPS over time for the chosen one, benchmark runs
// with their percentiles, and a new run whose progress streams live
// (WS /api/v1/benchmarks/{id}/stream).
import { api } from '../api.js';
import { h, fill, section, table, pill, fmtNumber, fmtTime, ago, field, failure, announce } from '../dom.js';
import { timeChart, bars } from '../chart.js';
import { latestPerModel } from './overview.js';
import { can } from '../scopes.js';

export async function render(main, { args, user, navigate }) {
  main.append(h('h1', {}, 'Models'));
  let models;
  let uptime;
  try {
    [models, uptime] = await Promise.all([api.get('/api/v1/models?limit=500'), api.get('/api/v1/monitoring/uptime?limit=1000')]);
  } catch (e) {
    main.append(failure(e));
    return undefined;
  }
  // The same model id can be served by two providers: the provider's kind tells them apart.
  const names = new Map(models.items.map((m) => [m.id, `${m.custom_name || m.model_id} (${m.provider_type.replace('_compatible', '')})`]));
  const latest = latestPerModel(uptime.items);
  const monitored = models.items.filter((m) => m.enabled_for_monitoring);
  const chosen = models.items.find((m) => m.id === args[0]) || monitored[0];
  const cleanups = [];

  main.append(section('md-all', 'Monitored models', table('Monitored models', [
    { label: 'Model', value: (m) => h('a', { href: `#/models/${m.id}` }, names.get(m.id)) },
    { label: 'Provider', value: (m) => m.provider_name },
    { label: 'Status', value: (m) => pill(latest.get(m.id)?.status || 'pending', latest.get(m.id)?.status || 'not probed') },
    { label: 'TTFT', num: true, value: (m) => fmtNumber(latest.get(m.id)?.ttft_ms, 0, ' ms') },
    { label: 'TPS', num: true, value: (m) => fmtNumber(latest.get(m.id)?.tps, 0) },
    { label: 'Probed', value: (m) => ago(latest.get(m.id)?.created_at) },
  ], monitored, 'No monitored models yet.')));

  if (chosen) {
    const history = uptime.items.filter((i) => i.model_id === chosen.id).reverse();
    const ttft = timeChart(`Time to first token of ${names.get(chosen.id)} in milliseconds`, [{ label: 'TTFT', unit: 'ms', points: history.map((i) => ({ t: i.created_at, v: i.ttft_ms })) }]);
    const tps = timeChart(`Tokens per second of ${names.get(chosen.id)}`, [{ label: 'TPS', unit: 'tok/s', points: history.map((i) => ({ t: i.created_at, v: i.tps })) }]);
    cleanups.push(ttft.destroy, tps.destroy);
    main.append(h('div', { class: 'grid' },
      section('md-ttft', `TTFT over time: ${names.get(chosen.id)}`, ttft.el),
      section('md-tps', `TPS over time: ${names.get(chosen.id)}`, tps.el)));
  }

  const runs = h('div', {});
  const detail = h('div', {});
  main.append(h('div', { class: 'grid' }, section('md-runs', 'Benchmarks', runs), section('md-run', 'Benchmark results', detail)));
  if (can(user, 'write:models')) main.append(section('md-new', 'Run a benchmark', await newRunForm(monitored.length ? monitored : models.items, names, navigate)));

  const loadRuns = async () => {
    const list = await api.get('/api/v1/benchmarks?limit=20');
    fill(runs, table('Benchmark runs', [
      { label: 'Run', value: (r) => h('a', { href: `#/models/${chosen?.id || ''}/${r.id}` }, r.name || r.id) },
      { label: 'Status', value: (r) => pill(r.status) },
      { label: 'Done', num: true, value: (r) => `${r.completed}/${r.total}` },
      { label: 'Started', value: (r) => fmtTime(r.created_at) },
    ], list.runs, 'No benchmark runs yet.'));
    return list;
  };
  try {
    const list = await loadRuns();
    const runId = args[1] || list.runs[0]?.id;
    if (runId) cleanups.push(await showRun(detail, runId, names, () => loadRuns().catch(() => {})));
  } catch (e) {
    fill(runs, failure(e));
  }
  return () => cleanups.forEach((c) => c && c());
}

/** A run's percentiles per model; while it runs, its live progress. Returns a cleanup. */
async function showRun(el, runId, names, finished = () => {}) {
  const run = await api.get(`/api/v1/benchmarks/${runId}`);
  const byModel = Object.entries(run.statistics?.by_model || {});
  const percentiles = (metric) => byModel.map(([id, s]) => ({
    name: names.get(id) || id,
    values: ['p50', 'p95', 'p99'].map((p) => ({ label: p, value: s[metric]?.[p] ?? null })),
  }));
  const progress = h('progress', { max: run.total || 1, value: run.completed, 'aria-label': 'Benchmark progress' });
  const progressText = h('p', { role: 'status' }, `${run.completed} of ${run.total} done`);
  fill(el,
    h('h3', {}, run.name || run.id, ' ', pill(run.status)),
    progress, progressText,
    byModel.length ? [
      h('h3', {}, 'Time to first token (ms)'), bars(`TTFT percentiles of ${run.name}`, percentiles('ttft_ms'), 'ms'),
      h('h3', {}, 'Tokens per second'), bars(`TPS percentiles of ${run.name}`, percentiles('tps'), 'tok/s'),
      h('h3', {}, 'Latency (ms)'), bars(`Latency percentiles of ${run.name}`, percentiles('latency_ms'), 'ms'),
    ] : h('p', { class: 'muted' }, 'No results yet.'));
  if (run.status === 'completed' || run.status === 'failed' || run.status === 'cancelled') return null;
  return stream(runId, {
    progress: (m) => { progress.max = m.total || 1; progress.value = m.completed; progressText.textContent = `${m.completed} of ${m.total} done${m.current_model ? `, now ${m.current_model}` : ''}`; },
    done: () => { announce('The benchmark run finished'); showRun(el, runId, names, finished); finished(); },
    error: (m) => { progressText.textContent = m.message; },
  });
}

/** Follows a run over its WebSocket; returns the function that closes it. */
function stream(runId, on) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/api/v1/benchmarks/${runId}/stream`);
  socket.addEventListener('message', (e) => {
    let m;
    try { m = JSON.parse(e.data); } catch { return; }
    if (m.type === 'progress') on.progress(m);
    else if (m.type === 'complete') on.done(m);
    else if (m.type === 'error') on.error(m);
  });
  return () => socket.close();
}

async function newRunForm(models, names, navigate) {
  let packs = [];
  try { packs = await api.get('/api/v1/monitoring/prompt-packs'); } catch { packs = [{ id: 'short_answer', name: 'Short answer' }]; }
  const boxes = models.map((m) => h('input', { type: 'checkbox', value: m.id, checked: true, id: `bm-${m.id}` }));
  const pack = h('select', {}, packs.map((p) => h('option', { value: p.id }, p.name)));
  const runsPer = h('input', { type: 'number', min: 1, max: 10, value: 3 });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Start');
  const form = h('form', {},
    h('fieldset', { class: 'checks' }, h('legend', {}, 'Models'),
      boxes.map((b) => h('label', { for: b.id }, b, names.get(b.value)))),
    h('div', { class: 'row' }, field('bm-pack', 'Prompt pack', pack), field('bm-runs', 'Runs per model', runsPer), submit),
    error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      const run = await api.post('/api/v1/benchmarks', {
        model_ids: boxes.filter((b) => b.checked).map((b) => b.value),
        prompt_pack: pack.value,
        num_runs: Number(runsPer.value),
        name: `Dashboard run ${new Date().toLocaleString()}`,
      });
      announce('Benchmark started');
      navigate(`#/models/${boxes[0]?.value || ''}/${run.id}`);
    } catch (failed) {
      error.textContent = failed.message;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
