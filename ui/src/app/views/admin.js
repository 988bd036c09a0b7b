// Administration: refused ingests and the reset, which is offered only to administrators (`/users/me` says who
// the signed-in user is; the server refuses anyone else anyway).
import { api, messageOf, session } from '../api.js';
import { announce, clear, h } from '../dom.js';
import { listJoin, metricName, percent, timeEl } from '../format.js';
import { gateRefusal } from './add.js';

const PHRASE = 'RESET';

export async function adminView(main, route, ctx) {
  ctx.setTitle('Administration');
  const refusals = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const typed = h('input', { id: 'reset-confirm', autocomplete: 'off', 'aria-describedby': 'reset-help' });
  const result = h('p', { role: 'status', 'aria-live': 'polite', id: 'reset-result' });
  const form = h('form', { class: 'inline-form', onsubmit: async (event) => {
    event.preventDefault();
    if (typed.value !== PHRASE) { result.textContent = 'Type ' + PHRASE + ' in capitals to confirm.'; typed.focus(); return; }
    const answer = await api('DELETE', '/reset');
    if (answer.status === 200) {
      typed.value = '';
      // Every token issued before a reset stops working, ours included.
      session.signOut();
      result.textContent = 'The registry is reset: every artifact is gone and only the default administrator remains. Sign in again to continue.';
      announce(result.textContent);
      document.getElementById('sign-out').hidden = true;
    } else if (answer.status === 401) {
      result.textContent = 'Only an administrator may reset the registry.';
    } else {
      result.textContent = messageOf(answer, 'The reset failed');
    }
  } },
  h('div', { class: 'field grow' }, h('label', { for: 'reset-confirm' }, 'Type ' + PHRASE + ' to confirm'), typed),
  h('button', { type: 'submit', class: 'button-danger' }, 'Reset the registry'));
  main.append(h('div', { class: 'page' }, h('h1', {}, 'Administration'),
    h('section', { class: 'panel', 'aria-labelledby': 'refusals-title' }, h('h2', { id: 'refusals-title' }, 'Models the ingest gate refused'), refusals),
    h('section', { class: 'panel danger-zone', 'aria-labelledby': 'reset-title' }, h('h2', { id: 'reset-title' }, 'Reset'),
      h('p', { id: 'reset-help' }, 'Deletes every artifact, user and token and restores the default administrator. The event log keeps the history. Administrators only.'),
      form, result)));
  ctx.focusHeading();
  const me = await api('GET', '/users/me');
  if (!ctx.live()) return;
  if (!(me.status === 200 && me.json.is_admin === true)) {
    // Not offered at all: a disabled button would still be a Tab stop that leads nowhere.
    form.replaceWith(h('p', { class: 'help', id: 'reset-not-admin' }, 'Only an administrator may reset the registry; you are signed in as '
      + (me.status === 200 ? me.json.name : 'someone the registry does not know') + '.'));
  }
  const answer = await api('GET', '/ingest/refusals');
  if (!ctx.live()) return;
  clear(refusals);
  if (answer.status !== 200) { refusals.append(h('p', {}, messageOf(answer, 'Unavailable'))); return; }
  if (!answer.json.length) { refusals.append(h('p', {}, 'None: every model offered so far passed the gate.')); return; }
  refusals.append(h('ul', { class: 'refusals' }, answer.json.slice(0, 100).map((r) => h('li', {},
    h('strong', { class: 'break' }, r.name), ' — refused ', timeEl(r.refused_at), ' (offered by ' + r.refused_by + '): ',
    Object.keys(r.below_threshold || {}).length
      ? 'below 50 % on ' + listJoin(Object.entries(r.below_threshold).map(([k, v]) => metricName(k).toLowerCase() + ' ' + percent(v))) + '.'
      : gateRefusal(r.message)))));
}
