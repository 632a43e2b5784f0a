// The Models view: LlamaStack `listModels`, MaaS `listModels` (with `ready`), and the namespace's
// AI-asset models (Kubernetes `getAAModels`, Running / Stop). A LlamaStack model's readiness is
// its own `ready` field when the server sends one, else the status of the namespace's deployment
// of the same id, else "registered" (LlamaStack lists only the models it serves).
import { badge, busy, el, empty, loadInto } from './ui.js';

function modelRow(id, details, ready, readyText) {
  const tone = ready === true ? 'ok' : ready === false ? 'error' : 'neutral';
  return el('li.model', { dataset: { model: id, ready: ready === undefined ? 'unknown' : String(ready) } },
    el('span.model-main', {}, el('strong.ellipsis', {}, id), el('span.muted.small', {}, details.filter(Boolean).join(' · '))),
    badge(readyText, tone));
}

export function mountModels(session, { llamaStack, maas, namespace, refresh }) {
  let lsModels = null;
  let aaById = new Map();

  function renderLlamaStack() {
    if (!lsModels) return;
    if (!lsModels.length) { llamaStack.replaceChildren(empty('No models', 'The LlamaStack server lists no models.')); return; }
    llamaStack.replaceChildren(el('ul.model-list', {}, ...lsModels.map((m) => {
      const type = m.custom_metadata?.model_type ?? m.model_type ?? m.metadata?.model_type;
      const aa = aaById.get(m.id);
      let ready;
      let text = 'registered';
      if (typeof m.ready === 'boolean') { ready = m.ready; text = m.ready ? 'ready' : 'not ready'; }
      else if (aa) { ready = aa.status === 'Running'; text = ready ? 'ready' : 'stopped'; }
      return modelRow(m.id, [m.owned_by, type], ready, text);
    })));
  }

  const loadLlamaStack = () => loadInto(llamaStack, () => session.withClient('llamaStack', (c) => c.listModels()), (models) => {
    lsModels = models;
    return null;
  }).then(renderLlamaStack);

  const loadMaas = () => loadInto(maas, () => session.withClient('maas', (c) => c.listModels()), (models) => {
    if (!models.length) return empty('No models', 'No MaaS model is available to you.');
    return el('ul.model-list', {}, ...models.map((m) => modelRow(m.id,
      [m.modelDetails?.displayName, m.kind, m.subscriptions?.map((s) => s.name).join(', ')], m.ready, m.ready ? 'ready' : 'not ready')));
  });

  const loadNamespace = async () => {
    if (!session.namespace) { namespace.replaceChildren(empty('No namespace', 'Kubernetes gave no namespace to look in.')); aaById = new Map(); renderLlamaStack(); return; }
    const ns = session.namespace;
    const models = await loadInto(namespace, () => session.withClient('kubernetes', (c) => c.getAAModels(ns)), (list) => {
      if (!list.length) return empty('Nothing deployed', `No AI-asset model is deployed in ${ns}.`);
      return el('ul.model-list.cols', {}, ...list.map((m) => modelRow(m.model_id,
        [m.display_name !== m.model_id ? m.display_name : null, m.serving_runtime], m.status === 'Running', m.status === 'Running' ? 'running' : 'stopped')));
    });
    aaById = new Map((models ?? []).map((m) => [m.model_id, m]));
    renderLlamaStack();
  };

  const loadAll = () => Promise.all([loadLlamaStack(), loadMaas(), loadNamespace()]);
  refresh.addEventListener('click', () => busy(refresh, loadAll, 'Refreshing…'));
  session.addEventListener('settings', () => { loadLlamaStack(); loadMaas(); });
  session.addEventListener('namespace', loadNamespace);
  loadLlamaStack();
  loadMaas();
  namespace.replaceChildren(empty('Waiting for the namespace…'));
}
