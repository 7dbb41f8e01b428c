// Small DOM and formatting helpers. Text always goes in as text nodes (never innerHTML), so what
// the api returns (names, descriptions, errors) cannot inject markup.

/** h('p', {class: 'x', onclick: fn}, 'text', child): an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table from column definitions [{label, value: row => node|text, num?}] and rows. */
export function table(caption, columns, rows, empty = 'Nothing yet.') {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map((row) =>
        h('tr', {}, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.value(row))))))));
}

/** A coloured status word: up/online/OL green, degraded/warning amber, down/error red. */
export function pill(status, text = status) {
  const s = String(status ?? 'unknown').toLowerCase();
  const kind = /^(up|online|ok|ol|active|completed|sent|delivered|described|low|info)\b/.test(s) ? 'ok'
    : /(degraded|warn|medium|pending|running|queued|disabled|starting|ob|lb)/.test(s) ? 'warn'
    : /(down|offline|error|fail|critical|high|revoked|expired)/.test(s) ? 'bad' : 'info';
  return h('span', { class: `pill ${kind}` }, text ?? 'unknown');
}

export function fmtNumber(value, digits = 0, unit = '') {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  return `${Number(value).toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 })}${unit}`;
}

export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

/** "3 min ago", with the exact time as the title (for hover and screen readers via <time>). */
export function ago(iso) {
  if (!iso) return h('span', { class: 'muted' }, 'never');
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  const text = seconds < 60 ? `${Math.max(seconds, 0)} s ago`
    : seconds < 3600 ? `${Math.round(seconds / 60)} min ago`
    : seconds < 86400 ? `${Math.round(seconds / 3600)} h ago`
    : `${Math.round(seconds / 86400)} d ago`;
  return h('time', { datetime: iso, title: fmtTime(iso) }, text);
}

/** Says something to screen-reader users (the polite live region of the page). */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) region.textContent = text;
}

/** A section of a page: a panel with a heading, labelled by it. */
export function section(id, title, ...children) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A labelled form field. */
export function field(id, label, input, hint) {
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input,
    hint ? h('div', { class: 'muted', id: `${id}-hint` }, hint) : null);
}

/** Shows a failure where the page's data would be, with the api's own detail. */
export function failure(error) {
  return h('p', { class: 'error', role: 'alert' }, error?.message || String(error));
}
