// The registry's web UI: plain modules-free JavaScript over the same REST API the automated client uses.
// The token lives in sessionStorage only (gone when the tab closes); every answer is rendered as text,
// never as HTML, so artifact names and READMEs cannot inject markup.
(function () {
  'use strict';
  const TOKEN_KEY = 'registry.token';
  const views = ['login-view', 'search-view', 'artifact-view', 'health-view'];
  let nextOffset = null;
  let lastQuery = null;

  const $ = (id) => document.getElementById(id);
  const token = () => sessionStorage.getItem(TOKEN_KEY);

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token()) headers['X-Authorization'] = token();
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 403 && path !== '/authenticate') {
      sessionStorage.removeItem(TOKEN_KEY);
      location.hash = '#/login';
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: response.status, json, headers: response.headers };
  }

  function show(id, focusTarget) {
    views.forEach((v) => { $(v).hidden = v !== id; });
    $('logout').hidden = !token();
    const heading = focusTarget || $(id).querySelector('h2');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  // --- sign in ---
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const answer = await api('PUT', '/authenticate', {
      user: { name: $('username').value, is_admin: false },
      secret: { password: $('password').value },
    });
    if (answer.status === 200 && typeof answer.json === 'string') {
      sessionStorage.setItem(TOKEN_KEY, answer.json);
      $('password').value = '';
      location.hash = '#/search';
    } else {
      $('login-error').textContent = (answer.json && answer.json.message) || 'Sign-in failed.';
    }
  });
  $('logout').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); location.hash = '#/login'; });

  // --- search ---
  function selectedTypes() {
    return Array.from(document.querySelectorAll('input[name=type]:checked')).map((i) => i.value);
  }

  async function runSearch(append) {
    const text = $('query').value.trim();
    const mode = document.querySelector('input[name=mode]:checked').value;
    const types = selectedTypes();
    const tbody = $('results').querySelector('tbody');
    if (!append) { tbody.textContent = ''; nextOffset = null; }
    $('search-status').textContent = 'Searching…';
    let answer;
    if (mode === 'regex' && text) {
      answer = await api('POST', '/artifact/byRegEx', { regex: text });
    } else {
      lastQuery = [{ name: text || '*', types }];
      const offset = append && nextOffset ? '?offset=' + encodeURIComponent(nextOffset) : '';
      answer = await api('POST', '/artifacts' + offset, lastQuery);
      nextOffset = answer.headers.get('offset');
    }
    if (answer.status === 404) {
      $('search-status').textContent = 'Nothing matches.';
      $('results').hidden = true; $('more').hidden = true;
      return;
    }
    if (answer.status !== 200) {
      $('search-status').textContent = (answer.json && answer.json.message) || ('Search failed (' + answer.status + ').');
      return;
    }
    const items = (answer.json || []).filter((a) => mode !== 'regex' || types.includes(a.type));
    items.forEach((artifact) => {
      const row = document.createElement('tr');
      const nameCell = cell(row, '');
      const link = document.createElement('a');
      link.href = '#/artifact/' + encodeURIComponent(artifact.type) + '/' + encodeURIComponent(artifact.id);
      link.textContent = artifact.name;
      nameCell.appendChild(link);
      cell(row, artifact.type);
      cell(row, artifact.id);
      tbody.appendChild(row);
    });
    $('results').hidden = tbody.children.length === 0;
    $('more').hidden = !(mode !== 'regex' && nextOffset);
    $('search-status').textContent = tbody.children.length + ' artifact(s) shown.';
  }
  $('search-form').addEventListener('submit', (event) => { event.preventDefault(); runSearch(false); });
  $('more').addEventListener('click', () => runSearch(true));

  // --- one artifact ---
  async function showArtifact(type, id) {
    show('artifact-view');
    const facts = $('artifact-facts');
    facts.textContent = '';
    $('artifact-status').textContent = 'Loading…';
    const answer = await api('GET', '/artifacts/' + encodeURIComponent(type) + '/' + encodeURIComponent(id));
    if (answer.status !== 200) {
      $('artifact-title').textContent = 'Artifact not found';
      $('artifact-status').textContent = (answer.json && answer.json.message) || '';
      return;
    }
    const artifact = answer.json;
    $('artifact-title').textContent = artifact.metadata.name;
    [['Type', artifact.metadata.type], ['Id', artifact.metadata.id], ['Source', artifact.data.url]].forEach(([k, v]) => {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = v;
      facts.append(dt, dd);
    });
    $('download').href = artifact.data.download_url;
    await showCost(type, id);
    if (type === 'model') { await showTrust(id); } else { $('trust').hidden = true; }
    const audit = await api('GET', '/artifact/' + encodeURIComponent(type) + '/' + encodeURIComponent(id) + '/audit');
    const tbody = $('audit').querySelector('tbody');
    tbody.textContent = '';
    (audit.status === 200 ? audit.json : []).forEach((entry) => {
      const row = document.createElement('tr');
      cell(row, entry.date); cell(row, entry.action); cell(row, entry.user.name + (entry.user.is_admin ? ' (admin)' : ''));
      tbody.appendChild(row);
    });
    $('artifact-status').textContent = '';
  }

  async function showCost(type, id) {
    const answer = await api('GET', '/artifact/' + encodeURIComponent(type) + '/' + encodeURIComponent(id) + '/cost?dependency=true');
    if (answer.status !== 200 || !answer.json[id]) { $('cost').textContent = ''; return; }
    const own = answer.json[id];
    $('cost').textContent = 'Download size: ' + own.standalone_cost + ' MB alone, ' + own.total_cost
      + ' MB with its ' + (Object.keys(answer.json).length - 1) + ' registered dependencies (1 MB = 10^6 bytes).';
  }

  async function showTrust(id) {
    $('trust').hidden = false;
    const tbody = $('rating').querySelector('tbody');
    tbody.textContent = '';
    const rating = await api('GET', '/artifact/model/' + encodeURIComponent(id) + '/rate');
    const vetting = await api('GET', '/artifact/model/' + encodeURIComponent(id) + '/vetting');
    if (vetting.status === 200) {
      const note = (vetting.json.note || '').replace(/^(not )?vetted:\s*/i, '');
      $('vetting').textContent = (vetting.json.vetted ? 'Vetted: passed the ingest gate. ' : 'Not vetted: ') + note;
    } else {
      $('vetting').textContent = 'No rating recorded yet.';
    }
    if (rating.status === 200) {
      Object.keys(rating.json).filter((k) => !k.endsWith('_latency') && k !== 'name' && k !== 'category').forEach((k) => {
        const row = document.createElement('tr');
        const value = rating.json[k];
        cell(row, k.replace(/_/g, ' '));
        cell(row, typeof value === 'object'
          ? Object.entries(value).map(([d, v]) => d.replace(/_/g, ' ') + ' ' + v.toFixed(2)).join(', ')
          : (value < 0 ? 'not applicable' : value.toFixed(2)));
        const latency = rating.json[k + '_latency'];
        cell(row, latency === undefined ? '' : latency.toFixed(3));
        tbody.appendChild(row);
      });
    } else if (rating.json && rating.json.message) {
      $('vetting').textContent += ' ' + rating.json.message;
    }
    const lineage = await api('GET', '/artifact/model/' + encodeURIComponent(id) + '/lineage');
    const list = $('lineage');
    list.textContent = '';
    if (lineage.status === 200) {
      const names = {};
      lineage.json.nodes.forEach((n) => { names[n.artifact_id] = n.name; });
      lineage.json.edges.forEach((e) => {
        const item = document.createElement('li');
        item.textContent = (names[e.from_node_artifact_id] || e.from_node_artifact_id) + ' → '
          + (names[e.to_node_artifact_id] || e.to_node_artifact_id) + ' (' + e.relationship.replace(/_/g, ' ') + ')';
        list.appendChild(item);
      });
      if (!lineage.json.edges.length) { const item = document.createElement('li'); item.textContent = 'No registered relatives.'; list.appendChild(item); }
    } else {
      const item = document.createElement('li');
      item.textContent = (lineage.json && lineage.json.message) || 'Lineage unavailable.';
      list.appendChild(item);
    }
  }

  // --- health ---
  async function showHealth() {
    show('health-view');
    const answer = await api('GET', '/health/components?windowMinutes=60');
    const tbody = $('components').querySelector('tbody');
    tbody.textContent = '';
    if (answer.status !== 200) { $('health-status').textContent = 'Health data unavailable.'; return; }
    answer.json.components.forEach((component) => {
      const row = document.createElement('tr');
      cell(row, component.display_name || component.id);
      const status = cell(row, component.status);
      status.className = 'status-' + component.status;
      cell(row, Object.entries(component.metrics || {}).map(([k, v]) => k + ': ' + v).join(', '));
      cell(row, (component.issues || []).map((i) => i.severity + ': ' + i.summary).join('; ') || 'none');
      tbody.appendChild(row);
    });
    $('health-status').textContent = 'Report generated at ' + answer.json.generated_at + '.';
  }

  function route() {
    const hash = location.hash || '#/search';
    if (hash === '#/health') { showHealth(); return; }
    if (!token()) { show('login-view'); return; }
    const match = hash.match(/^#\/artifact\/([^/]+)\/([^/]+)$/);
    if (match) { showArtifact(decodeURIComponent(match[1]), decodeURIComponent(match[2])); return; }
    show('search-view');
  }
  window.addEventListener('hashchange', route);
  route();
}());
