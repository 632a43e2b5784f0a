// The Gen AI playground: loads the SDK, reads the settings from the URL, and wires the views
// (one module each) to the session. Mock clients unless the URL or Settings say otherwise.
import { loadGenAI } from '/web/index.js';
import { $, el, errorText, toast } from './ui.js';
import { readSettings, renderSettings, scrubTokensFromUrl, settingsQuery, SERVICES } from './settings.js';
import { Session } from './session.js';
import { mountNamespacePicker } from './namespaces.js';
import { mountOverview } from './overview.js';
import { mountModels } from './models.js';
import { mountChat } from './chat.js';
import { mountVectorStores } from './vector-stores.js';
import { mountMcp } from './mcp-panel.js';
import { mountMaas } from './maas-panel.js';

const VIEWS = ['overview', 'chat', 'models', 'knowledge', 'mcp', 'keys', 'settings'];

function showView(name) {
  const view = VIEWS.includes(name) ? name : 'overview';
  for (const section of document.querySelectorAll('.view')) section.hidden = section.dataset.view !== view;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.body.dataset.view = view;
  $('#toasts').replaceChildren();   // toasts belong to the view they were raised in
}

function renderModes(session) {
  $('#modes').replaceChildren(...SERVICES.map(({ key, label }) => {
    const mock = session.isMock(key);
    return el('li', {}, el(`a.mode.${mock ? 'mode-mock' : 'mode-real'}`, {
      href: '#settings', dataset: { service: key, mode: mock ? 'mock' : 'real' },
      title: mock ? `${label}: Mock (bundled fixtures)` : `${label}: Real, ${session.settings.services[key].url || 'no URL'}`,
    }, el('span.dot', { 'aria-hidden': 'true' }), `${label} · ${mock ? 'Mock' : 'Real'}`));
  }));
}

function syncUrl(session) {
  const query = settingsQuery(session.settings, { namespace: session.namespace });
  history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
}

async function main() {
  const settings = readSettings(location.search);
  scrubTokensFromUrl();
  const genai = await loadGenAI();
  const session = new Session(genai, settings);

  renderModes(session);
  const applySettings = (next) => {
    session.apply(next);
    renderModes(session);
    renderSettings($('#settings'), session.settings, applySettings);
    syncUrl(session);
    toast('Settings applied', 'success');
  };
  renderSettings($('#settings'), session.settings, applySettings);
  session.addEventListener('namespace', () => syncUrl(session));

  mountNamespacePicker(session, $('#namespace'), $('#namespace-state'));
  mountOverview(session, $('#overview-cards'));
  mountModels(session, { llamaStack: $('#ls-models'), maas: $('#maas-models'), namespace: $('#aa-models'), refresh: $('#models-refresh') });
  mountChat(session, $('#chat'), $('#chat-controls'));
  mountVectorStores(session, $('#knowledge'));
  mountMcp(session, $('#mcp'));
  mountMaas(session, $('#keys'));

  window.addEventListener('hashchange', () => showView(location.hash.slice(1)));
  showView(location.hash.slice(1));
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  const fatal = $('#fatal');
  fatal.hidden = false;
  fatal.replaceChildren(el('strong', {}, 'The playground could not start'), el('span.alert-text', {}, errorText(e)));
  document.body.dataset.ready = 'error';
});
