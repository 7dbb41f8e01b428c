// Sign-in: a person's username and password (POST /api/v1/auth/login), which sets the session
// cookie. The first admin's password is in the file the start-up banner names.
import { api } from '../api.js';
import { h, field } from '../dom.js';

export function render(main, { signedIn }) {
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert', id: 'signin-error' });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'panel stack', 'aria-describedby': 'signin-error', novalidate: false },
    field('signin-username', 'Username', username),
    field('signin-password', 'Password', password),
    submit, error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      const who = await api.signIn(username.value.trim(), password.value);
      signedIn(who);
    } catch (failure) {
      error.textContent = failure.status === 401 ? 'Wrong username or password.' : failure.message;
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(h('div', { class: 'signin' },
    h('h1', {}, 'Sign in to Argus'),
    form,
    h('p', { class: 'muted' }, 'First start: the user is admin and its password is in the file the start-up banner names (ARGUS_ADMIN_PASSWORD_FILE).')));
  username.focus();
}
