// The demo: MaaS panels on the SDK, Mock by default; `?mock=all` or the settings switch it.
import { loadGenAI } from '/web/index.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = { genai: null, factory: null, mode: 'mock', baseURL: params.get('maasUrl') ?? '', token: params.get('token') ?? '' };

function showError(e) {
  const box = $('error');
  box.hidden = false;
  box.textContent = `${e.name ?? 'Error'}: ${e.message}${e.status ? ` (HTTP ${e.status})` : ''}`;
}
function clearError() { $('error').hidden = true; }

async function guarded(fn) {
  clearError();
  try { await fn(); } catch (e) { showError(e); }
}

function client() {
  return state.factory.createClient({ baseURL: state.baseURL, token: state.token });
}

async function refreshModels() {
  const c = client();
  try {
    const models = await c.listModels();
    $('models').replaceChildren(...models.map((m) => {
      const li = document.createElement('li');
      li.dataset.model = m.id;
      const name = document.createElement('span');
      name.textContent = m.id;
      const badge = document.createElement('span');
      badge.className = `badge ${m.ready ? 'ready' : 'notready'}`;
      badge.textContent = m.ready ? 'ready' : 'not ready';
      li.append(name, badge);
      return li;
    }));
  } finally { c.dispose(); }
}

async function refreshKeys() {
  const c = client();
  try {
    const rows = [];
    const page = await c.searchApiKeys({ status: ['active', 'revoked'], limit: 50 });
    for (const key of page.data) {
      const tr = document.createElement('tr');
      for (const text of [key.name, key.subscription ?? '', key.status, key.expirationDate ?? '']) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      const td = document.createElement('td');
      if (key.status === 'active') {
        const b = document.createElement('button');
        b.className = 'link';
        b.textContent = 'revoke';
        b.onclick = () => guarded(async () => {
          const rc = client();
          try { await rc.revokeApiKey(key.id); } finally { rc.dispose(); }
          await refreshKeys();
        });
        td.append(b);
      }
      tr.append(td);
      rows.push(tr);
    }
    $('keys').tBodies[0].replaceChildren(...rows);
  } finally { c.dispose(); }
}

function applySettings() {
  state.mode = document.querySelector('input[name=mode]:checked').value;
  state.baseURL = $('baseURL').value.trim();
  state.token = $('token').value;
  state.factory?.dispose();
  state.factory = state.genai.createFactories({ maas: { mock: state.mode === 'mock' } }).maas;
  $('status').textContent = state.mode === 'mock' ? 'Mock MaaS: bundled fixtures, no network.' : `Real MaaS at ${state.baseURL || '(no URL)'}`;
  return guarded(async () => { await refreshModels(); await refreshKeys(); });
}

for (const radio of document.querySelectorAll('input[name=mode]')) {
  radio.onchange = () => { const real = radio.value === 'real' && radio.checked; $('baseURL').disabled = !real; $('token').disabled = !real; };
}
$('apply').onclick = applySettings;
$('refresh').onclick = () => guarded(refreshModels);
$('issue').onclick = () => guarded(async () => {
  const c = client();
  try {
    const t = await c.issueToken({ expiration: $('expiration').value });
    $('tokenOut').textContent = `token ${t.token.slice(0, 24)}…\nexpires ${new Date(t.expiresAt * 1000).toISOString()}`;
  } finally { c.dispose(); }
});
$('revoke').onclick = () => guarded(async () => {
  const c = client();
  try { await c.revokeAllTokens(); $('tokenOut').textContent = 'all tokens revoked'; } finally { c.dispose(); }
});
$('createKey').onclick = () => guarded(async () => {
  const c = client();
  try {
    const k = await c.createApiKey({ name: $('keyName').value, expiresIn: '30d' });
    $('keyOut').textContent = `${k.key}\n(shown once: copy it now)`;
  } finally { c.dispose(); }
  await refreshKeys();
});

try {
  state.genai = await loadGenAI();
  if (params.get('mock') === 'none' || params.get('maasUrl')) {
    document.querySelector('input[value=real]').checked = true;
    $('baseURL').value = state.baseURL;
    $('token').value = state.token;
    $('baseURL').disabled = $('token').disabled = false;
  }
  await applySettings();
  document.body.dataset.ready = 'true';
} catch (e) {
  showError(e);
}
