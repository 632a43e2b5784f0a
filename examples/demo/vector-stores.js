// The Knowledge view: LlamaStack vector stores (list, create, delete) and file upload with the
// state of each step: 1. upload the file (`POST files`), 2. attach it to the store
// (`POST vector_stores/{id}/files`), 3. indexing (the vector-store file's status, polled until
// it is no longer `in_progress`). The SDK's `onUploaded` callback marks the end of step 1, on
// Mock and Real clients alike.
import { badge, busy, confirmButton, el, empty, errorBox, formatBytes, formatDate, loadInto, toast } from './ui.js';

const STEPS = [['upload', 'Upload the file'], ['attach', 'Attach it to the vector store'], ['index', 'Index it for search']];
// Waits between status checks while indexing; after them the step stays "in progress" with a
// button to check again (big files can take minutes).
const POLL_MS = [500, 1000, 2000];

export function mountVectorStores(session, root) {
  const name = el('input#vs-name', { placeholder: 'e.g. Team handbook', required: true, maxlength: '256', autocomplete: 'off' });
  const create = el('button.primary#vs-create', { type: 'submit' }, 'Create');
  const createForm = el('form.row', {}, el('label.sr-only', { for: 'vs-name' }, 'Vector store name'), name, create);
  const list = el('div#vs-list');
  const target = el('select#upload-store', { 'aria-label': 'Vector store' });
  const file = el('input#upload-file', { type: 'file', 'aria-label': 'File' });
  const upload = el('button.primary#upload-go', { type: 'submit', disabled: true }, 'Upload');
  const steps = el('ol.steps#upload-steps', { 'aria-live': 'polite' });
  const uploadForm = el('form.upload', {},
    el('label', { for: 'upload-store' }, 'Vector store'), target,
    el('label', { for: 'upload-file' }, 'File'), file,
    el('div.row', {}, upload), steps);
  root.replaceChildren(
    el('section.card', { 'aria-labelledby': 'h-vs' }, el('div.row-between', {}, el('h2#h-vs', {}, 'Vector stores')), createForm, list),
    el('section.card', { 'aria-labelledby': 'h-upload' }, el('h2#h-upload', {}, 'Upload a file'),
      el('p.muted.small', {}, 'Text, Markdown or PDF files are chunked and embedded into the chosen store.'), uploadForm));

  let stores = [];
  const syncUploadButton = () => { upload.disabled = !target.value || !file.files?.length || upload.getAttribute('aria-busy') === 'true'; };

  function renderStores() {
    target.replaceChildren(...stores.map((s) => el('option', { value: s.id }, s.name || s.id)));
    syncUploadButton();
    if (!stores.length) return empty('No vector stores yet', 'Create one above to add knowledge.');
    return el('ul.store-list', {}, ...stores.map((s) => {
      const del = confirmButton('Delete', 'Confirm delete', async () => {
        try {
          await session.withClient('llamaStack', (c) => c.deleteVectorStore(s.id));
          toast(`Deleted ${s.name || s.id}`, 'success');
          await reload();
        } catch (e) {
          del.closest('li')?.append(errorBox(e));
        }
      }, { 'aria-label': `Delete ${s.name || s.id}` });
      const counts = s.file_counts;
      return el('li.store', { dataset: { store: s.id, name: s.name ?? '' } },
        el('div.store-main', {}, el('strong', {}, s.name || '(unnamed)'), el('code.small', {}, s.id),
          el('span.muted.small', {}, `${counts ? `${counts.completed}/${counts.total} files indexed` : 'files: —'} · ${formatBytes(s.usage_bytes)} · created ${formatDate(s.created_at)}`)),
        el('div.store-side', {}, badge(s.status ?? 'unknown', s.status === 'completed' ? 'ok' : 'neutral'), del));
    }));
  }

  async function reload() {
    const result = await loadInto(list, () => session.withClient('llamaStack', (c) => c.listVectorStores()), (r) => { stores = r; return renderStores(); },
      { loadingText: 'Loading vector stores…' });
    if (!result) { stores = []; target.replaceChildren(); syncUploadButton(); }
    session.dispatchEvent(new Event('stores-changed'));
  }

  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = name.value.trim();
    if (!value) { name.focus(); return; }
    busy(create, async () => {
      try {
        const created = await session.withClient('llamaStack', (c) => c.createVectorStore({ name: value, metadata: { source: 'playground' } }));
        name.value = '';
        toast(`Created ${created.name}`, 'success');
        await reload();
        target.value = created.id;
        syncUploadButton();
      } catch (e) {
        list.prepend(errorBox(e));
      }
    }, 'Creating…');
  });

  function setStep(key, state, text) {
    const li = steps.querySelector(`[data-step=${key}]`);
    if (!li) return;
    li.dataset.state = state;
    li.querySelector('.step-state').replaceChildren(badge({ pending: 'waiting', active: 'in progress', done: 'done', failed: 'failed' }[state] ?? state,
      { done: 'ok', failed: 'error', active: 'info' }[state] ?? 'neutral'));
    if (text !== undefined) li.querySelector('.step-detail').textContent = text;
  }

  function showIndexState(vsFile, check) {
    const status = vsFile?.status ?? 'unknown';
    if (status === 'completed') setStep('index', 'done', 'ready for file search');
    else if (status === 'in_progress') {
      setStep('index', 'active', 'still indexing on the server');
      const again = el('button.ghost.small', { type: 'button' }, 'Check again');
      again.addEventListener('click', () => busy(again, () => check().catch((e) => steps.append(el('li.step-error', {}, errorBox(e)))), 'Checking…'));
      steps.querySelector('[data-step=index] .step-detail').append(' ', again);
    } else setStep('index', 'failed', vsFile?.last_error?.message ?? `status ${status}`);
    steps.dataset.state = { completed: 'done', in_progress: 'indexing' }[status] ?? 'failed';
  }

  async function runUpload() {
    const chosen = file.files[0];
    const storeId = target.value;
    steps.replaceChildren(...STEPS.map(([key, label]) => el('li.step', { dataset: { step: key, state: 'pending' } },
      el('span.step-label', {}, label), el('span.step-state'), el('span.step-detail.muted.small'))));
    for (const [key] of STEPS) setStep(key, 'pending');
    setStep('upload', 'active', `${chosen.name} · ${formatBytes(chosen.size)}`);
    const onUploaded = (uploaded) => {
      setStep('upload', 'done', `${uploaded.filename} → ${uploaded.id}`);
      setStep('attach', 'active');
    };
    try {
      const result = await session.withClient('llamaStack', (c) => c.uploadFile({ file: chosen, vectorStoreId: storeId, onUploaded }));
      setStep('attach', 'done', `in ${storeId}`);
      let vsFile = result.vector_store_file;
      setStep('index', 'active', vsFile?.status ?? '');
      const check = async () => {
        vsFile = await session.withClient('llamaStack', (c) => c.getVectorStoreFile(storeId, result.file_id));
        showIndexState(vsFile, check);
      };
      for (const wait of POLL_MS) {
        if (vsFile?.status !== 'in_progress') break;
        await new Promise((r) => setTimeout(r, wait));
        vsFile = await session.withClient('llamaStack', (c) => c.getVectorStoreFile(storeId, result.file_id));
      }
      showIndexState(vsFile, check);
      file.value = '';
      await reload();
      target.value = storeId;
    } catch (e) {
      for (const li of steps.querySelectorAll('[data-state=active]')) setStep(li.dataset.step, 'failed');
      const first = steps.querySelector('[data-state=pending]');
      if (!steps.querySelector('[data-state=failed]')) setStep(first?.dataset.step ?? 'upload', 'failed');
      steps.dataset.state = 'failed';
      steps.append(el('li.step-error', {}, errorBox(e)));
    }
    syncUploadButton();
  }

  file.addEventListener('change', syncUploadButton);
  target.addEventListener('change', syncUploadButton);
  uploadForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!file.files?.length || !target.value) return;
    steps.dataset.state = 'busy';
    busy(upload, runUpload, 'Uploading…').then(syncUploadButton);
  });
  session.addEventListener('settings', reload);
  reload();
}
