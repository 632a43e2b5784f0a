// The playground's settings: which service is Mock or Real, base URLs and tokens. Read from the
// URL (`?mock=all`, `?llamaStackUrl=…`, `?maasUrl=…`, `?mcpUrl=…`, `?kubernetesUrl=…`, `?token=…`,
// `?<service>Token=…`, `?streamDelayMs=…`, `?namespace=…`), edited in the Settings view, written
// back to the URL without the tokens. Tokens stay in memory only: never in the URL, the DOM's text
// or a log.
import { el } from './ui.js';

export const SERVICES = [
  { key: 'llamaStack', label: 'LlamaStack', what: 'Models, vector stores, files, streamed Responses', placeholder: 'https://lsd.apps.example.com' },
  { key: 'maas', label: 'MaaS', what: 'Models-as-a-Service: models, API keys, tokens', placeholder: 'https://maas.apps.example.com/maas-api' },
  { key: 'mcp', label: 'MCP', what: 'Model Context Protocol servers: tools, calls, status', placeholder: 'https://mcp.example.com/mcp', urlLabel: 'Extra MCP server URL' },
  { key: 'kubernetes', label: 'Kubernetes', what: 'Namespaces, AI-asset models, the MCP servers ConfigMap', placeholder: '/api/k8s' },
];
const TOKEN_PARAMS = ['token', ...SERVICES.map((s) => `${s.key}Token`)];

/** Settings from a URL's query. Every service is Mock unless it has a URL (or `mock` says otherwise). */
export function readSettings(search) {
  const params = new URLSearchParams(search);
  const mock = (params.get('mock') ?? '').trim();
  const listed = new Set(mock.split(',').map((s) => s.trim()).filter(Boolean));
  const services = {};
  for (const { key } of SERVICES) {
    const url = (params.get(`${key}Url`) ?? '').trim();
    let isMock = !url;
    if (mock === 'all') isMock = true;
    else if (mock === 'none') isMock = false;
    else if (listed.size) isMock = listed.has(key);
    services[key] = { mock: isMock, url, token: params.get(`${key}Token`) ?? params.get('token') ?? '' };
  }
  services.mcp.transport = params.get('mcpTransport') ?? '';
  const delay = params.get('streamDelayMs');
  return {
    services,
    streamDelayMs: delay !== null && delay !== '' && Number.isFinite(Number(delay)) ? Number(delay) : undefined,
    namespace: params.get('namespace') ?? '',
  };
}

/** The query that gives back `settings` (tokens left out). */
export function settingsQuery(settings, extra = {}) {
  const params = new URLSearchParams();
  const mockKeys = [];
  let deviates = false;
  for (const { key } of SERVICES) {
    const s = settings.services[key];
    if (s.url) params.set(`${key}Url`, s.url);
    if (s.mock) mockKeys.push(key);
    if (s.mock !== !s.url) deviates = true;
  }
  if (settings.services.mcp.transport) params.set('mcpTransport', settings.services.mcp.transport);
  if (deviates) params.set('mock', mockKeys.length === SERVICES.length ? 'all' : mockKeys.length === 0 ? 'none' : mockKeys.join(','));
  if (settings.streamDelayMs !== undefined) params.set('streamDelayMs', String(settings.streamDelayMs));
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Removes token parameters from the address bar (they were read once, into memory). */
export function scrubTokensFromUrl() {
  const params = new URLSearchParams(location.search);
  if (!TOKEN_PARAMS.some((p) => params.has(p))) return;
  for (const p of TOKEN_PARAMS) params.delete(p);
  const text = params.toString();
  history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}${location.hash}`);
}

/** The createFactories() configuration for `settings`. */
export function factoriesConfig(settings) {
  const config = {};
  for (const { key } of SERVICES) {
    const s = settings.services[key];
    config[key] = s.mock ? { mock: true } : (s.url && key !== 'mcp' ? { baseURL: s.url } : {});
  }
  if (settings.services.llamaStack.mock && settings.streamDelayMs !== undefined) config.llamaStack.streamDelayMs = settings.streamDelayMs;
  return config;
}

/** The Settings view: a fieldset per service; `onApply(settings)` gets the edited copy. */
export function renderSettings(container, settings, onApply) {
  const form = el('form.settings', { novalidate: true, 'aria-label': 'Connection settings' });
  for (const service of SERVICES) {
    const s = settings.services[service.key];
    const id = (part) => `set-${service.key}-${part}`;
    const modes = el('div.segmented', { role: 'radiogroup', 'aria-label': `${service.label} mode` },
      ...['mock', 'real'].map((mode) => el('label', {},
        el('input', { type: 'radio', name: id('mode'), value: mode, checked: (mode === 'mock') === s.mock, id: id(mode) }),
        el('span', {}, mode === 'mock' ? 'Mock' : 'Real'))));
    const fields = el('div.fields',
      {},
      el('label', { for: id('url') }, service.urlLabel ?? 'Base URL'),
      el('input', { id: id('url'), name: 'url', type: 'url', placeholder: service.placeholder, value: s.url, autocomplete: 'off', spellcheck: 'false' }),
      el('label', { for: id('token') }, service.key === 'mcp' ? 'MCP token' : 'Bearer token'),
      el('input', { id: id('token'), name: 'token', type: 'password', placeholder: s.token ? '•••••• (set)' : 'not set', autocomplete: 'off' }));
    if (service.key === 'mcp') {
      fields.append(el('label', { for: id('transport') }, 'Transport'),
        el('select', { id: id('transport') },
          ...[['', 'streamable HTTP'], ['sse', 'legacy SSE']].map(([v, t]) => el('option', { value: v, selected: v === (s.transport ?? '') }, t))));
    }
    if (service.key === 'llamaStack') {
      fields.append(el('label', { for: 'set-streamDelayMs' }, 'Mock stream delay (ms)'),
        el('input', { id: 'set-streamDelayMs', type: 'number', min: '0', step: '10', placeholder: 'lifelike', value: settings.streamDelayMs ?? '' }));
    }
    form.append(el('fieldset.card.service-settings', { dataset: { service: service.key } },
      el('legend', {}, service.label), el('p.muted', {}, service.what), modes, fields));
  }
  const apply = el('button.primary', { type: 'submit', id: 'settings-apply' }, 'Apply');
  const reset = el('button.ghost', { type: 'button', id: 'settings-mock' }, 'Use Mock for everything');
  form.append(el('div.actions', {}, apply, reset,
    el('p.muted.small', {}, 'Real services are called from this page with fetch: they must allow this origin (CORS). Tokens stay in this tab\'s memory and are never put in the URL.')));

  const collect = (allMock) => {
    const next = structuredClone(settings);
    for (const { key } of SERVICES) {
      const box = form.querySelector(`[data-service=${key}]`);
      next.services[key].mock = allMock || box.querySelector('input[value=mock]').checked;
      next.services[key].url = box.querySelector('input[name=url]').value.trim();
      const token = box.querySelector('input[name=token]').value;
      if (token) next.services[key].token = token;
    }
    next.services.mcp.transport = form.querySelector('#set-mcp-transport').value;
    const delay = form.querySelector('#set-streamDelayMs').value;
    next.streamDelayMs = delay === '' ? undefined : Math.max(0, Number(delay));
    return next;
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); onApply(collect(false)); });
  reset.addEventListener('click', () => onApply(collect(true)));
  container.replaceChildren(form);
}
