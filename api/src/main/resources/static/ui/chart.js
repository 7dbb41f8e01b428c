// Time-series charts with uPlot (from its WebJar). Each chart is an image to assistive technology,
// with a label that says what it shows and its latest values; the numbers are in tables nearby.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { h } from './dom.js';

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

function axisColour() {
  return getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#4b5563';
}

/**
 * A line chart of points over time.
 * @param {string} label what the chart shows (its accessible name)
 * @param {{label: string, unit?: string, points: {t: string|number, v: number|null}[]}[]} series
 *   each series' points; times are ISO strings or epoch milliseconds
 * @returns {{el: HTMLElement, destroy: () => void}}
 */
export function timeChart(label, series, { height = 220 } = {}) {
  const el = h('div', { class: 'chart', role: 'img', 'aria-label': summary(label, series) });
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => toSeconds(p.t))))].sort((a, b) => a - b);
  if (!times.length) {
    el.removeAttribute('role');
    el.append(h('p', { class: 'muted' }, `${label}: no data yet.`));
    return { el, destroy() {} };
  }
  const index = new Map(times.map((t, i) => [t, i]));
  const data = [times, ...series.map((s) => {
    const ys = new Array(times.length).fill(null);
    s.points.forEach((p) => { ys[index.get(toSeconds(p.t))] = p.v; });
    return ys;
  })];
  const colour = axisColour();
  const options = {
    width: 300,
    height,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    axes: [{ stroke: colour, grid: { stroke: 'rgba(128,128,128,.2)' } },
      { stroke: colour, grid: { stroke: 'rgba(128,128,128,.2)' }, size: 60 }],
    series: [{}, ...series.map((s, i) => ({
      label: s.unit ? `${s.label} (${s.unit})` : s.label,
      stroke: COLOURS[i % COLOURS.length],
      width: 2,
      spanGaps: true,
      points: { show: times.length < 40 },
    }))],
  };
  const plot = new uPlot(options, data, el);
  const resize = new ResizeObserver(() => {
    const width = Math.max(el.clientWidth, 200);
    if (width !== plot.width) plot.setSize({ width, height });
  });
  resize.observe(el);
  return { el, destroy() { resize.disconnect(); plot.destroy(); } };
}

function toSeconds(t) {
  return (typeof t === 'number' ? t : new Date(t).getTime()) / 1000;
}

function summary(label, series) {
  const latest = series.map((s) => {
    const last = [...s.points].reverse().find((p) => p.v !== null && p.v !== undefined);
    return last ? `${s.label} latest ${Math.round(last.v * 10) / 10}${s.unit ? ` ${s.unit}` : ''}` : `${s.label} no data`;
  });
  return `${label}. ${latest.join('; ')}.`;
}

/**
 * Horizontal bars, e.g. percentiles per model: rows of {name, values: [{label, value}]} drawn to one
 * scale. Plain HTML, so each number is read out as it is shown.
 */
export function bars(label, rows, unit) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v.value ?? 0)));
  const el = h('div', { class: 'bars', role: 'list', 'aria-label': label });
  for (const r of rows) {
    r.values.forEach((v, i) => {
      const bar = h('div', { class: `bar ${v.label}` });
      // Widths through the CSSOM: the page's style-src 'self' refuses inline style attributes.
      bar.style.width = `${Math.max(0, ((v.value ?? 0) / max) * 100)}%`;
      const value = v.value === null || v.value === undefined ? '—' : Math.round(v.value * 10) / 10;
      el.append(
        h('span', { 'aria-hidden': 'true' }, i === 0 ? r.name : ''),
        h('div', { 'aria-hidden': 'true' }, bar),
        h('span', { role: 'listitem', class: 'num' },
          h('span', { class: 'visually-hidden' }, `${r.name} `), `${v.label} ${value} ${unit}`));
    });
  }
  return el;
}
