import { api, session, messageOf } from '../api.js';
import { h } from '../dom.js';

export async function loginView(main, route, ctx) {
  ctx.setTitle('Sign in');
  const next = route.query.get('next');
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Sign in');
  const form = h('form', { class: 'card narrow', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!user.value || !password.value) { error.textContent = 'Enter your user name and password.'; (user.value ? password : user).focus(); return; }
    submit.disabled = true;
    const answer = await api('PUT', '/authenticate', { user: { name: user.value, is_admin: false }, secret: { password: password.value } });
    submit.disabled = false;
    if (answer.status === 200 && typeof answer.json === 'string') {
      session.signIn(answer.json, user.value);
      password.value = '';
      location.hash = next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/search';
    } else {
      error.textContent = answer.status === 401 ? 'The user name or password is wrong.' : messageOf(answer, 'Sign-in failed');
      password.focus();
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'username' }, 'User name'), user),
  h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
  submit, error);
  main.append(h('div', { class: 'page-narrow' },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'lede' }, next ? 'Sign in to continue to the page you opened.' : 'Sign in to browse, add and download artifacts.'),
    form));
  ctx.focusHeading();
}
