import { ApiError, api, apiUrl, setCsrfToken } from '../api-client.js';
import type { Me } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { notice } from '../widgets.js';

/** Only console paths are followed after login, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/search';
}

export function loginPage(next: string | null, onLogin: (me: Me, next: string) => void): Node {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h(
    'form',
    { class: 'login-form' },
    h('h1', { tabindex: -1 }, 'Indicia'),
    h('p', { class: 'muted' }, 'Investigator console'),
    h('label', { class: 'field' }, h('span', {}, 'Username'), username),
    h('label', { class: 'field' }, h('span', {}, 'Password'), password),
    message,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const me = await api<Me>('POST', apiUrl('/session'), { username: username.value, password: password.value });
      setCsrfToken(me.csrfToken);
      onLogin(me, safeNext(next));
    } catch (error) {
      const text = error instanceof ApiError && error.status === 401 ? 'Wrong username or password.' : error instanceof ApiError && error.status === 429 ? 'Too many failed attempts: wait a while and try again.' : error instanceof Error ? error.message : String(error);
      replaceChildren(message, notice(text, 'error'));
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return h('div', { class: 'login-page' }, form);
}
