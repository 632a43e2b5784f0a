// The overview: one card per service with its mode and a live summary, each loaded on its own
// (a failing service shows its error in its card only).
import { badge, el, loadInto, loading } from './ui.js';
import { SERVICES } from './settings.js';
import { loadServerList } from './mcp-servers.js';

const SUMMARIES = {
  async llamaStack(session) {
    return session.withClient('llamaStack', async (c) => {
      // The model count is the card's test; vector stores are optional on some servers.
      const [models, stores] = await Promise.all([c.listModels(),
        c.listVectorStores().then((s) => `${s.length} vector store${s.length === 1 ? '' : 's'}`, (e) => `vector stores unavailable (${e.code ?? e.name})`)]);
      return [`${models.length} models`, stores];
    });
  },
  async maas(session) {
    const models = await session.withClient('maas', (c) => c.listModels());
    return [`${models.length} models`, `${models.filter((m) => m.ready).length} ready`];
  },
  async mcp(session) {
    const { servers, source } = await loadServerList(session);
    return [`${servers.length} server${servers.length === 1 ? '' : 's'}`, source ? `from ${source}` : 'none configured'];
  },
  async kubernetes(session) {
    const [user, namespaces] = await session.withClient('kubernetes', (c) => Promise.all([c.getUser(), c.getNamespaces({ dashboard: true })]));
    return [`${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}`, `signed in as ${user}`];
  },
};
// Which event reloads a card: the MCP summary depends on the namespace (its ConfigMap).
const RELOAD_ON = { llamaStack: 'settings', maas: 'settings', mcp: 'namespace', kubernetes: 'settings' };

export function mountOverview(session, root) {
  const cards = SERVICES.map((service) => {
    const modeBadge = el('span');
    const body = el('div.card-body', {}, loading('Waiting for the namespace…'));
    const card = el('section.card.service-card', { dataset: { service: service.key }, 'aria-label': service.label },
      el('div.row-between', {}, el('h2', {}, service.label), modeBadge), el('p.muted.small', {}, service.what), body);
    let generation = 0;
    const load = async () => {
      const mine = ++generation;
      modeBadge.replaceChildren(session.isMock(service.key) ? badge('Mock', 'neutral') : badge('Real', 'info'));
      await loadInto(body, () => SUMMARIES[service.key](session),
        (lines) => (mine === generation ? el('ul.summary', {}, ...lines.map((l) => el('li', {}, l))) : null),
        { loadingText: 'Connecting…' });
      card.dataset.state = body.querySelector('.alert-error') ? 'error' : 'ok';
    };
    session.addEventListener(RELOAD_ON[service.key], load);
    if (RELOAD_ON[service.key] === 'settings') load();
    return card;
  });
  root.replaceChildren(...cards);
}
