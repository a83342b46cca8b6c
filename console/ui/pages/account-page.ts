import { ApiError, api, apiUrl, getJson, segment, setCsrfToken } from '../api-client.js';
import type { Role, TokenInfo, UserInfo } from '../api-types.js';
import { button, h, replaceChildren } from '../dom.js';
import { formatTime } from '../format.js';
import { hasRole, type PageContext } from '../page-context.js';
import { navigate } from '../router.js';
import { empty, notice, pageHeading, section, table } from '../widgets.js';

function tokenForm(output: HTMLElement): HTMLFormElement {
  const name = h('input', { name: 'name', required: true, placeholder: 'e.g. nightly export script', 'aria-label': 'Token name' });
  const form = h('form', { class: 'search-row' }, name, h('button', { type: 'submit' }, 'Create token'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api<TokenInfo>('POST', apiUrl('/tokens'), { name: name.value });
      replaceChildren(output, h('div', { class: 'notice notice-info', role: 'status' }, 'Copy this token now: it is shown only once. ', h('code', { class: 'secret' }, created.token ?? '')));
    } catch (error) {
      replaceChildren(output, notice(error instanceof Error ? error.message : String(error), 'error'));
    }
  });
  return form;
}

function userForm(output: HTMLElement): HTMLFormElement {
  const username = h('input', { name: 'username', required: true, 'aria-label': 'Username', autocomplete: 'off' });
  const role = h('select', { name: 'role', 'aria-label': 'Role' }, ...(['viewer', 'analyst', 'admin'] as Role[]).map((value) => h('option', { value }, value)));
  const password = h('input', { name: 'password', type: 'password', placeholder: 'blank: generate one', 'aria-label': 'Password', autocomplete: 'new-password' });
  const form = h('form', { class: 'search-row' }, username, role, password, h('button', { type: 'submit' }, 'Add user'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api<UserInfo & { password?: string }>('POST', apiUrl('/users'), { username: username.value, role: role.value, ...(password.value ? { password: password.value } : {}) });
      replaceChildren(output, created.password ? h('div', { class: 'notice notice-info', role: 'status' }, `User ${created.username} added. One-time password: `, h('code', { class: 'secret' }, created.password)) : notice(`User ${created.username} added.`));
    } catch (error) {
      replaceChildren(output, notice(error instanceof Error ? error.message : String(error), 'error'));
    }
  });
  return form;
}

/** Sets one's own password; on success the page reloads with the renewed session (the other sessions ended). */
function passwordForm(output: HTMLElement): HTMLFormElement {
  const field = (label: string, name: string, autocomplete: string) => h('input', { name, type: 'password', required: true, autocomplete, 'aria-label': label });
  const current = field('Current password', 'currentPassword', 'current-password');
  const next = field('New password (at least 12 characters)', 'newPassword', 'new-password');
  const repeat = field('New password again', 'repeatPassword', 'new-password');
  const form = h(
    'form',
    { class: 'password-form' },
    h('label', { class: 'field' }, h('span', {}, 'Current password'), current),
    h('label', { class: 'field' }, h('span', {}, 'New password (at least 12 characters; a few words make a good one)'), next),
    h('label', { class: 'field' }, h('span', {}, 'New password again'), repeat),
    h('button', { type: 'submit', class: 'primary' }, 'Set password'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (next.value !== repeat.value) {
      replaceChildren(output, notice('The two new passwords differ.', 'error'));
      return;
    }
    try {
      const changed = await api<{ csrfToken: string }>('POST', apiUrl('/me/password'), { currentPassword: current.value, newPassword: next.value });
      setCsrfToken(changed.csrfToken);
      location.assign('/search');
    } catch (error) {
      const text = error instanceof ApiError && error.status === 401 ? 'The current password is wrong.' : error instanceof Error ? error.message : String(error);
      replaceChildren(output, notice(text, 'error'));
    }
  });
  return form;
}

/** Own password and API tokens; for admins, the users too. With a one-time password, only the password. */
export async function accountPage(context: PageContext): Promise<Node> {
  const passwordOutput = h('div', { 'aria-live': 'assertive' });
  const passwordSection = section('Password', passwordForm(passwordOutput), passwordOutput);
  if (context.me.mustChangePassword) {
    return h(
      'div',
      { class: 'page account-page' },
      pageHeading('Set your password', h('p', { class: 'subtitle' }, `${context.me.username} · ${context.me.role}`)),
      notice('You logged in with a one-time password. Set your own to use the console.', 'info'),
      passwordSection,
    );
  }
  const tokens = await getJson<TokenInfo[] | { tokens: TokenInfo[] }>(apiUrl('/tokens'));
  const tokenList = Array.isArray(tokens) ? tokens : tokens.tokens;
  const tokenOutput = h('div', { 'aria-live': 'polite' });
  const root = h(
    'div',
    { class: 'page account-page' },
    pageHeading('Account', h('p', { class: 'subtitle' }, `${context.me.username} · ${context.me.role}`)),
    section(
      'API tokens',
      h('p', { class: 'hint' }, 'For scripts: send “Authorization: Bearer <token>”. Tokens act with your role.'),
      tokenList.length === 0
        ? empty('No token.')
        : table(['Name', 'Created', 'Last used', ''], tokenList.map((token) => [token.name, formatTime(token.createdAt), formatTime(token.lastUsedAt ?? null), button('Revoke', async () => {
            await api('DELETE', apiUrl(`/tokens/${segment(String(token.id))}`));
            navigate('/account', { replace: true });
          }, { class: 'link-button danger' })])),
      tokenForm(tokenOutput),
      tokenOutput,
    ),
    passwordSection,
  );
  if (hasRole(context.me, 'admin')) {
    const users = await getJson<UserInfo[] | { users: UserInfo[] }>(apiUrl('/users'));
    const userList = Array.isArray(users) ? users : users.users;
    const userOutput = h('div', { 'aria-live': 'polite' });
    root.append(
      section(
        'Users',
        table(['User', 'Role', 'Created', ''], userList.map((user) => [user.username, user.role, formatTime(user.createdAt ?? null), user.username === context.me.username ? '' : button('Remove', async () => {
          await api('DELETE', apiUrl(`/users/${segment(user.username)}`));
          navigate('/account', { replace: true });
        }, { class: 'link-button danger', 'aria-label': `Remove user ${user.username}` })])),
        userForm(userOutput),
        userOutput,
      ),
    );
  }
  return root;
}
