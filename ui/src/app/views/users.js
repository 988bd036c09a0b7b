// User management for administrators: list, register, change permissions, remove (with confirmation). Only the
// API's own endpoints (/users, /users/{name}, /users/{name}/permissions); the server refuses anyone else anyway,
// so a person who is not an administrator is told so instead of being shown forms that would fail.
import { api, currentUser, forgetCurrentUser, messageOf, session } from '../api.js';
import { clear, h } from '../dom.js';
import { describeAccess, losses, newUserProblem, normalisePermissions, PASSWORD_MAX, PASSWORD_MIN, permissionChange, PERMISSIONS, registration } from '../users-model.js';

const PAGE = 1000; // what one GET /users answers at most
const MAX_PAGES = 10;

export async function usersView(main, route, ctx) {
  ctx.setTitle('Users');
  // The heading stays put while the rest arrives, so the focus it gets after a navigation is not lost.
  const loading = h('p', { class: 'status', role: 'status' }, 'Loading…');
  const page = h('div', { class: 'page' }, h('h1', {}, 'Users'), loading);
  main.append(page);
  ctx.focusHeading();
  const me = await currentUser();
  if (!ctx.live()) return;
  if (!(me && me.is_admin === true)) {
    loading.replaceWith(h('p', { id: 'users-not-admin' }, 'Only an administrator manages users; you are signed in as '
      + (me ? me.name : 'someone the registry does not know') + '.'));
    return;
  }

  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'users-status' });
  const say = (text, isError) => { status.textContent = text; status.classList.toggle('error', Boolean(isError)); };
  const tbody = h('tbody');
  const count = h('span');
  const table = h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'users-list-title' },
    h('table', { class: 'data-table', id: 'users-table' },
      h('caption', { class: 'visually-hidden' }, 'Users by name, with what each may do'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Administrator'),
        h('th', { scope: 'col' }, 'Permissions'), h('th', { scope: 'col' }, 'Actions'))),
      tbody));
  const users = new Map();
  const editor = editDialog(me, (user) => { users.set(user.name, user); render(); }, say);
  const remover = removeDialog((name) => { users.delete(name); render(); }, say);
  const render = () => {
    clear(tbody);
    count.textContent = ' (' + users.size.toLocaleString('en') + ')';
    [...users.values()].sort((a, b) => a.name.localeCompare(b.name, 'en')).forEach((user) => tbody.append(h('tr', { dataset: { user: user.name } },
      h('th', { scope: 'row', class: 'break' }, user.name, user.name === me.name ? h('span', { class: 'muted small' }, ' (you)') : null),
      h('td', {}, user.is_admin ? 'yes' : 'no'),
      h('td', {}, user.permissions.length ? normalisePermissions(user.permissions).join(', ') : h('span', { class: 'muted' }, 'none')),
      h('td', {}, h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button-quiet', 'aria-label': 'Change the permissions of ' + user.name, onclick: () => editor.open(user) }, 'Change…'),
        h('button', { type: 'button', class: 'button-quiet', 'aria-label': 'Remove ' + user.name, onclick: () => remover.open(user) }, 'Remove…'))))));
  };

  loading.replaceWith(
    h('p', { class: 'lede' }, 'Who may sign in, and what each may do. A user who loses a permission signs in again.'),
    createSection(users, render, say),
    h('section', { class: 'panel', 'aria-labelledby': 'users-list-title' }, h('h2', { id: 'users-list-title' }, 'Registered users', count), table),
    status, editor.el, remover.el);

  for (let p = 0; p < MAX_PAGES; p++) {
    const answer = await api('GET', '/users' + (p ? '?offset=' + p * PAGE : ''));
    if (!ctx.live()) return;
    if (answer.status !== 200 || !Array.isArray(answer.json)) { say(messageOf(answer, 'The users could not be read'), true); return; }
    answer.json.forEach((user) => users.set(user.name, user));
    if (answer.json.length < PAGE) break;
  }
  render();
}

function permissionBoxes(prefix) {
  const boxes = PERMISSIONS.map(([key, label, what]) => {
    const box = h('input', { type: 'checkbox', id: prefix + '-' + key, value: key, 'aria-describedby': prefix + '-' + key + '-help' });
    return { key, box, el: h('div', { class: 'check-row' }, h('label', { class: 'check', for: prefix + '-' + key }, box, label),
      h('span', { class: 'muted small', id: prefix + '-' + key + '-help' }, what)) };
  });
  const admin = h('input', { type: 'checkbox', id: prefix + '-admin', 'aria-describedby': prefix + '-admin-help' });
  const fieldset = h('fieldset', { class: 'inline' }, h('legend', {}, 'May'),
    boxes.map((b) => b.el),
    h('div', { class: 'check-row' }, h('label', { class: 'check', for: prefix + '-admin' }, admin, 'Administrator'),
      h('span', { class: 'muted small', id: prefix + '-admin-help' }, 'manage users, reset the registry, read the log and everyone\'s downloads')));
  return {
    fieldset,
    admin,
    chosen: () => boxes.filter((b) => b.box.checked).map((b) => b.key),
    set: (user) => { boxes.forEach((b) => { b.box.checked = user.permissions.includes(b.key); }); admin.checked = user.is_admin === true; },
  };
}

function createSection(users, render, say) {
  const name = h('input', { id: 'new-user-name', autocomplete: 'off', maxlength: 128, required: true, 'aria-describedby': 'new-user-name-help' });
  const password = h('input', { id: 'new-user-password', type: 'password', autocomplete: 'new-password', minlength: PASSWORD_MIN, maxlength: PASSWORD_MAX,
    required: true, 'aria-describedby': 'new-user-password-help' });
  const perms = permissionBoxes('new-user');
  perms.set({ permissions: ['search', 'download'], is_admin: false });
  const error = h('p', { class: 'error', role: 'alert', id: 'new-user-error' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Register the user');
  const form = h('form', { novalidate: true, id: 'new-user-form', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    const problem = newUserProblem(name.value.trim(), password.value);
    if (problem) { error.textContent = problem; (name.value.trim() && !problem.startsWith('A user name') ? password : name).focus(); return; }
    submit.disabled = true;
    const answer = await api('POST', '/users', registration(name.value.trim(), password.value, perms.chosen(), perms.admin.checked));
    submit.disabled = false;
    if (answer.status === 201 && answer.json) {
      users.set(answer.json.name, answer.json);
      render();
      password.value = '';
      name.value = '';
      say('Registered ' + answer.json.name + ': ' + describeAccess(answer.json) + '.');
      name.focus();
    } else {
      error.textContent = messageOf(answer, 'The user could not be registered');
    }
  } },
  h('div', { class: 'search-row' },
    h('div', { class: 'field grow' }, h('label', { for: 'new-user-name' }, 'User name'), name,
      h('span', { class: 'help', id: 'new-user-name-help' }, 'Letters, digits and . _ @ + -, up to 128.')),
    h('div', { class: 'field grow' }, h('label', { for: 'new-user-password' }, 'Password'), password,
      h('span', { class: 'help', id: 'new-user-password-help' }, PASSWORD_MIN + ' to ' + PASSWORD_MAX + ' characters.'))),
  perms.fieldset, submit, error);
  return h('section', { class: 'panel', 'aria-labelledby': 'new-user-title' }, h('h2', { id: 'new-user-title' }, 'Register a user'), form);
}

function editDialog(me, changed, say) {
  const heading = h('h2', { id: 'edit-user-title' }, 'Change permissions');
  const perms = permissionBoxes('edit-user');
  const warning = h('p', { class: 'help', id: 'edit-user-warning', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert', id: 'edit-user-error' });
  const save = h('button', { type: 'submit', class: 'button-primary' }, 'Save');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  let current = null;
  const explain = () => {
    const lost = current ? losses(current, perms.chosen(), perms.admin.checked) : [];
    warning.textContent = lost.length ? current.name + ' loses ' + lost.join(', ') + ' and must sign in again.' : '';
  };
  perms.fieldset.addEventListener('change', explain);
  const form = h('form', { method: 'dialog', onsubmit: async (event) => {
    event.preventDefault();
    save.disabled = true;
    const answer = await api('PUT', '/users/' + encodeURIComponent(current.name) + '/permissions', permissionChange(perms.chosen(), perms.admin.checked));
    save.disabled = false;
    if (answer.status === 200 && answer.json) {
      el.close();
      if (current.name === me.name) forgetCurrentUser();
      changed(answer.json);
      say('Changed ' + answer.json.name + ': ' + describeAccess(answer.json) + '.');
    } else {
      error.textContent = messageOf(answer, 'The permissions could not be changed');
    }
  } }, perms.fieldset, warning, error, h('div', { class: 'button-row' }, cancel, save));
  const el = h('dialog', { class: 'dialog', 'aria-labelledby': 'edit-user-title', id: 'edit-user-dialog' }, heading, form);
  cancel.addEventListener('click', () => el.close());
  return {
    el,
    open(user) {
      current = user;
      heading.textContent = 'Change what ' + user.name + ' may do';
      perms.set(user);
      error.textContent = '';
      explain();
      el.showModal();
      document.getElementById('edit-user-search').focus();
    },
  };
}

function removeDialog(removed, say) {
  const heading = h('h2', { id: 'remove-user-title' }, 'Remove the user?');
  const body = h('p', {});
  const error = h('p', { class: 'error', role: 'alert', id: 'remove-user-error' });
  const confirm = h('button', { type: 'button', class: 'button-danger' }, 'Remove for good');
  const cancel = h('button', { type: 'button' }, 'Keep the user');
  const el = h('dialog', { class: 'dialog', 'aria-labelledby': 'remove-user-title', id: 'remove-user-dialog' }, heading, body, error,
    h('div', { class: 'button-row' }, cancel, confirm));
  let current = null;
  cancel.addEventListener('click', () => el.close());
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const answer = await api('DELETE', '/users/' + encodeURIComponent(current.name));
    confirm.disabled = false;
    if (answer.status === 204 || answer.status === 200) {
      el.close();
      removed(current.name);
      say('Removed ' + current.name + '; the tokens they held no longer work.');
      if (current.name === session.user()) session.signOut();
    } else {
      error.textContent = messageOf(answer, 'The user could not be removed');
    }
  });
  return {
    el,
    open(user) {
      current = user;
      heading.textContent = 'Remove ' + user.name + '?';
      body.textContent = user.name + ' can no longer sign in, and every token they hold stops working at once. The event log keeps the record.';
      error.textContent = '';
      el.showModal();
      cancel.focus();
    },
  };
}
