// Settings: alert providers (with a test send), the runtime configuration, API keys (create and
// show once, disable, revoke, usage), users (admins) and one's own password. Each section saves on
// its own and shows the api's own error detail.
import { api } from '../api.js';
import { h, fill, section, table, pill, fmtTime, fmtNumber, field, failure, announce } from '../dom.js';
import { can, isAdmin } from '../scopes.js';

const SCOPES = ['read:events', 'read:devices', 'write:devices', 'read:targets', 'write:targets', 'read:models', 'write:models', 'read:cameras', 'write:cameras', 'admin'];
const ROLES = ['viewer', 'operator', 'admin'];

export function render(main, { user }) {
  main.append(h('h1', {}, 'Settings'));
  const admin = isAdmin(user);
  main.append(h('div', { class: 'grid' }, alertProviders(admin), runtimeConfig(admin)));
  if (admin) main.append(apiKeys(), users(user));
  main.append(ownPassword());
}

/** A button that asks once more before doing something that cannot be undone. */
function confirmButton(label, confirmLabel, action, extraLabel = '') {
  const button = h('button', { type: 'button', class: 'danger' }, label, h('span', { class: 'visually-hidden' }, extraLabel));
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      fill(button, confirmLabel, h('span', { class: 'visually-hidden' }, extraLabel));
      return;
    }
    button.disabled = true;
    await action();
  });
  button.addEventListener('blur', () => { if (armed && !button.disabled) { armed = false; fill(button, label, h('span', { class: 'visually-hidden' }, extraLabel)); } });
  return button;
}

function message() {
  return h('p', { role: 'status', class: 'muted' });
}

function showError(el, e) {
  el.className = 'error';
  el.textContent = e.message;
}

function showDone(el, text) {
  el.className = 'muted';
  el.textContent = text;
  announce(text);
}

// Alert providers ------------------------------------------------------------------------------

const PROVIDER_FIELDS = {
  webhook: [['url', 'URL', 'url']],
  ntfy: [['server_url', 'Server URL', 'url'], ['topic', 'Topic', 'text'], ['token', 'Token (optional)', 'password']],
  gotify: [['server_url', 'Server URL', 'url'], ['app_token', 'App token', 'password']],
  email: [['smtp_host', 'SMTP host', 'text'], ['smtp_port', 'SMTP port', 'number'], ['from', 'From', 'text'], ['to', 'To (comma-separated)', 'text'], ['username', 'Username (optional)', 'text'], ['password', 'Password (optional)', 'password']],
};

function destination(p) {
  return p.url || (p.topic ? `${p.server_url}/${p.topic}` : p.server_url) || (p.to ? p.to.join(', ') : '');
}

function alertProviders(admin) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const el = section('st-alerts', 'Alert providers', body);
  let settings;

  const save = async (status) => {
    try {
      settings = await api.put('/api/alerts', settings);
      show();
      showDone(body.querySelector('[role=status]') || status, 'Alert providers saved.');
    } catch (e) {
      showError(status, e);
    }
  };

  const show = () => {
    const status = message();
    const results = h('div', {});
    const test = h('button', { type: 'button', class: 'secondary' }, 'Send a test notification');
    test.addEventListener('click', async () => {
      test.disabled = true;
      try {
        const sent = await api.post('/api/alerts/test');
        fill(results, table('Test results', [
          { label: 'Provider', value: (r) => `${r.name} (${r.type})` },
          { label: 'Outcome', value: (r) => [pill(r.outcome), r.error ? h('div', { class: 'muted' }, r.error) : null] },
        ], sent));
        announce('Test sent');
      } catch (e) {
        fill(results, failure(e));
      } finally {
        test.disabled = false;
      }
    });
    fill(body,
      table('Alert providers', [
        { label: 'Name', value: (p) => p.name },
        { label: 'Type', value: (p) => p.type },
        { label: 'Sends to', value: (p) => destination(p) },
        { label: 'From', value: (p) => p.min_severity || 'low' },
        { label: 'Enabled', value: (p) => (admin ? h('input', { type: 'checkbox', checked: p.enabled !== false, 'aria-label': `${p.name} enabled`, onchange: (e) => { p.enabled = e.target.checked; save(status); } }) : String(p.enabled !== false)) },
        { label: '', value: (p) => (admin ? confirmButton('Remove', 'Confirm remove', () => { settings.providers = settings.providers.filter((q) => q !== p); return save(status); }, ` ${p.name}`) : '') },
      ], settings.providers, 'No providers: alerts are only stored and shown here.'),
      h('p', { class: 'kpis' }, h('span', {}, `Cooldown ${settings.cooldown_minutes} min`), h('span', {}, settings.send_recovery ? 'Recoveries are sent' : 'Recoveries are not sent')),
      h('div', { class: 'row' }, admin ? test : null), results, status,
      admin ? newProviderForm((provider) => { settings.providers = [...settings.providers, provider]; return save(status); }) : null);
  };

  api.get('/api/alerts').then((s) => { settings = s; show(); }).catch((e) => fill(body, failure(e)));
  return el;
}

function newProviderForm(add) {
  const type = h('select', {}, Object.keys(PROVIDER_FIELDS).map((t) => h('option', { value: t }, t)));
  const name = h('input', { type: 'text', required: true, maxlength: 64, pattern: '[A-Za-z0-9._-]+' });
  const severity = h('select', {}, ['low', 'medium', 'high', 'critical'].map((s) => h('option', { value: s }, s)));
  const fields = h('div', {});
  const inputs = {};
  const showFields = () => {
    fill(fields, PROVIDER_FIELDS[type.value].map(([key, label, kind]) => {
      inputs[key] = h('input', { type: kind, autocomplete: kind === 'password' ? 'new-password' : 'off' });
      return field(`np-${key}`, label, inputs[key]);
    }));
  };
  type.addEventListener('change', showFields);
  showFields();
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'stack' }, h('h3', {}, 'Add a provider'),
    h('div', { class: 'row' }, field('np-type', 'Type', type), field('np-name', 'Name', name, "Letters, digits, '.', '_' or '-'"), field('np-severity', 'Least severity sent', severity)),
    fields, h('button', { type: 'submit' }, 'Add provider'), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const provider = { type: type.value, name: name.value.trim(), enabled: true, min_severity: severity.value };
    for (const [key, , kind] of PROVIDER_FIELDS[type.value]) {
      const value = inputs[key].value.trim();
      if (!value) continue;
      provider[key] = key === 'to' ? value.split(',').map((s) => s.trim()).filter(Boolean) : kind === 'number' ? Number(value) : value;
    }
    await add(provider);
  });
  return form;
}

// Runtime configuration --------------------------------------------------------------------------

const CONFIG_FIELDS = [
  ['poll_interval_minutes', 'Poll interval (minutes)', 'number'],
  ['load_limit_pct', 'Load limit (%)', 'number'],
  ['temperature_limit_c', 'Temperature limit (°C)', 'number'],
  ['shutdown_battery_floor_pct', 'Shutdown battery floor (%)', 'number'],
  ['device_offline_missed_polls', 'Offline after missed polls', 'number'],
  ['scheduler_paused', 'Polling paused', 'checkbox'],
  ['scanning_disabled', 'Scanning disabled', 'checkbox'],
];

function runtimeConfig(admin) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const el = section('st-config', 'Runtime configuration', body);
  const show = (config) => {
    const inputs = {};
    const status = message();
    const form = h('form', { class: 'stack' },
      CONFIG_FIELDS.map(([key, label, kind]) => {
        const input = kind === 'checkbox'
          ? h('input', { type: 'checkbox', checked: Boolean(config[key]), disabled: !admin })
          : h('input', { type: 'number', step: 'any', value: config[key] ?? '', placeholder: 'default', disabled: !admin });
        inputs[key] = input;
        return kind === 'checkbox'
          ? h('div', { class: 'field checks' }, h('label', { for: `cfg-${key}` }, Object.assign(input, { id: `cfg-${key}` }), label))
          : field(`cfg-${key}`, label, input);
      }),
      h('p', { class: 'muted' }, `Exporters: ${(config.enabled_exporters || []).join(', ')}`),
      admin ? h('button', { type: 'submit' }, 'Save configuration') : h('p', { class: 'muted' }, 'Only an admin can change these.'),
      status);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const change = {};
      for (const [key, , kind] of CONFIG_FIELDS) {
        const value = kind === 'checkbox' ? inputs[key].checked : inputs[key].value === '' ? null : Number(inputs[key].value);
        if (value !== config[key]) change[key] = value;
      }
      if (!Object.keys(change).length) { showDone(status, 'Nothing changed.'); return; }
      try {
        const saved = await api.put('/api/config', change);
        show(saved);
        showDone(body.querySelector('[role=status]'), `Saved: ${Object.keys(change).join(', ')}.`);
      } catch (failed) {
        showError(status, failed);
      }
    });
    fill(body, form);
  };
  api.get('/api/config').then(show).catch((e) => fill(body, failure(e)));
  return el;
}

// API keys ------------------------------------------------------------------------------------------

function apiKeys() {
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const created = h('div', { 'aria-live': 'polite' });
  const status = message();
  const el = section('st-keys', 'API keys', created, list, status, newKeyForm(created, () => load()));

  const load = async () => {
    try {
      const keys = await api.get('/api/v1/api-keys');
      fill(list, table('API keys', [
        { label: 'Name', value: (k) => [h('strong', {}, k.name), h('div', { class: 'muted' }, `${k.prefix}…`)] },
        { label: 'Status', value: (k) => pill(k.status) },
        { label: 'Scopes', value: (k) => k.scopes.join(', ') },
        { label: 'Used', num: true, value: (k) => fmtNumber(k.usage_count) },
        { label: 'Last used', value: (k) => (k.last_used ? `${fmtTime(k.last_used)}${k.last_used_ip ? ` from ${k.last_used_ip}` : ''}` : 'never') },
        { label: 'Actions', value: (k) => keyActions(k, status, load) },
      ], keys, 'No keys yet (the bootstrap key from API_KEY is not listed).'));
    } catch (e) {
      fill(list, failure(e));
    }
  };
  load();
  return el;
}

function keyActions(key, status, reload) {
  if (key.status === 'revoked') return h('span', { class: 'muted' }, `revoked ${fmtTime(key.revoked_at)}`);
  const usage = h('span', { class: 'muted' });
  const toggle = h('button', { type: 'button', class: 'secondary' }, key.enabled ? 'Disable' : 'Enable', h('span', { class: 'visually-hidden' }, ` ${key.name}`));
  toggle.addEventListener('click', async () => {
    try {
      await api.patch(`/api/v1/api-keys/${key.id}`, { enabled: !key.enabled });
      showDone(status, `Key ${key.name} ${key.enabled ? 'disabled' : 'enabled'}.`);
      reload();
    } catch (e) { showError(status, e); }
  });
  const usageButton = h('button', { type: 'button', class: 'link' }, 'Usage', h('span', { class: 'visually-hidden' }, ` of ${key.name}`));
  usageButton.addEventListener('click', async () => {
    try {
      const u = await api.get(`/api/v1/api-keys/${key.id}/usage`);
      usage.textContent = ` ${u.usage_count ?? 0} requests, last ${u.last_used ? fmtTime(u.last_used) : 'never'}`;
    } catch (e) { showError(status, e); }
  });
  const revoke = confirmButton('Revoke', 'Confirm revoke', async () => {
    try {
      await api.delete(`/api/v1/api-keys/${key.id}`);
      showDone(status, `Key ${key.name} revoked.`);
      reload();
    } catch (e) { showError(status, e); }
  }, ` ${key.name}`);
  return h('div', { class: 'row', dataset: { key: key.name } }, toggle, revoke, usageButton, usage);
}

function newKeyForm(created, reload) {
  const name = h('input', { type: 'text', required: true, maxlength: 100 });
  const boxes = SCOPES.map((s) => h('input', { type: 'checkbox', value: s, id: `nk-${s.replace(':', '-')}`, checked: s.startsWith('read:') }));
  const rate = h('input', { type: 'number', min: 1, max: 100000, placeholder: 'default' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'stack' }, h('h3', {}, 'Create a key'),
    field('nk-name', 'Name', name),
    h('fieldset', { class: 'checks' }, h('legend', {}, 'Scopes'), boxes.map((b) => h('label', { for: b.id }, b, b.value))),
    field('nk-rate', 'Requests per minute (optional)', rate),
    h('button', { type: 'submit' }, 'Create key'), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const key = await api.post('/api/v1/api-keys', {
        name: name.value.trim(),
        scopes: boxes.filter((b) => b.checked).map((b) => b.value),
        rate_limit_per_minute: rate.value ? Number(rate.value) : undefined,
      });
      const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
      copy.addEventListener('click', () => navigator.clipboard?.writeText(key.key).then(() => announce('Copied')));
      fill(created, h('div', { class: 'banner info', role: 'status' },
        h('p', {}, h('strong', {}, `Key "${key.name}" created.`), ' Copy it now: it is shown only this once.'),
        h('p', { class: 'secret', id: 'new-key' }, key.key), copy));
      form.reset();
      boxes.forEach((b) => { b.checked = b.value.startsWith('read:'); });
      reload();
    } catch (failed) {
      error.textContent = failed.message;
    }
  });
  return form;
}

// Users ---------------------------------------------------------------------------------------------

function users(me) {
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const status = message();
  const el = section('st-users', 'Users', list, status, newUserForm(() => load(), status));
  const load = async () => {
    try {
      const all = await api.get('/api/v1/users');
      const items = Array.isArray(all) ? all : all.items || [];
      fill(list, table('Users', [
        { label: 'User', value: (u) => u.username },
        { label: 'Role', value: (u) => roleSelect(u, status, load) },
        { label: 'Enabled', value: (u) => h('input', { type: 'checkbox', checked: u.enabled, disabled: u.username === me.username, 'aria-label': `${u.username} enabled`, onchange: (e) => change(u, { enabled: e.target.checked }, status, load) }) },
        { label: 'Last sign-in', value: (u) => fmtTime(u.last_login_at) },
        { label: '', value: (u) => (u.username === me.username ? '' : confirmButton('Delete', 'Confirm delete', async () => {
          try { await api.delete(`/api/v1/users/${u.id}`); showDone(status, `User ${u.username} deleted.`); } catch (e) { showError(status, e); }
          load();
        }, ` ${u.username}`)) },
      ], items, 'No users.'));
    } catch (e) {
      fill(list, failure(e));
    }
  };
  load();
  return el;
}

function roleSelect(user, status, reload) {
  const select = h('select', { 'aria-label': `Role of ${user.username}` }, ROLES.map((r) => h('option', { value: r, selected: r === user.role }, r)));
  select.addEventListener('change', () => change(user, { role: select.value }, status, reload));
  return select;
}

async function change(user, patch, status, reload) {
  try {
    await api.patch(`/api/v1/users/${user.id}`, patch);
    showDone(status, `User ${user.username} updated.`);
  } catch (e) {
    showError(status, e);
  }
  reload();
}

function newUserForm(reload, status) {
  const username = h('input', { type: 'text', required: true, autocomplete: 'off' });
  const password = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
  const role = h('select', {}, ROLES.map((r) => h('option', { value: r }, r)));
  const form = h('form', { class: 'stack' }, h('h3', {}, 'Add a user'),
    h('div', { class: 'row' }, field('nu-name', 'Username', username), field('nu-password', 'Password', password), field('nu-role', 'Role', role)),
    h('button', { type: 'submit' }, 'Add user'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.post('/api/v1/users', { username: username.value.trim(), password: password.value, role: role.value });
      showDone(status, `User ${username.value.trim()} added.`);
      form.reset();
      reload();
    } catch (failed) {
      showError(status, failed);
    }
  });
  return form;
}

// Own password --------------------------------------------------------------------------------------

function ownPassword() {
  const current = h('input', { type: 'password', required: true, autocomplete: 'current-password' });
  const next = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
  const status = message();
  const form = h('form', { class: 'row' }, field('pw-current', 'Current password', current), field('pw-new', 'New password', next), h('button', { type: 'submit' }, 'Change password'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.post('/api/v1/auth/password', { current_password: current.value, new_password: next.value });
      form.reset();
      showDone(status, 'Password changed.');
    } catch (failed) {
      showError(status, failed);
    }
  });
  return section('st-password', 'Your password', form, status);
}
