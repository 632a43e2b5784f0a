// The chat: LlamaStack `createResponseStream`, read with `for await`, each
// `response.output_text.delta` appended to the answer as it arrives. Stop (or Escape) aborts the
// call's AbortSignal, which cancels the fetch; the message then says where it stopped. Earlier
// turns go along as `chatContext`; a chosen vector store adds file search.
import { $, badge, el, empty, errorBox } from './ui.js';

const SUGGESTIONS = ['Hello', 'Tell me about llamas', 'What can I build with a vector store?'];

export function mountChat(session, root, controls) {
  const model = el('select#chat-model', { 'aria-label': 'Model', disabled: true }, el('option', {}, 'Loading models…'));
  const store = el('select#chat-store', { 'aria-label': 'Knowledge (file search)' }, el('option', { value: '' }, 'No knowledge'));
  const clear = el('button.ghost#chat-new', { type: 'button' }, 'New chat');
  controls.replaceChildren(el('label.sr-only', { for: 'chat-model' }, 'Model'), model,
    el('label.sr-only', { for: 'chat-store' }, 'Knowledge'), store, clear);

  const transcript = el('ol.transcript#chat-transcript', { 'aria-label': 'Conversation', 'aria-live': 'polite' });
  const input = el('textarea#chat-input', { rows: 2, placeholder: 'Ask anything…  (Enter to send, Shift+Enter for a new line, Esc to stop)', 'aria-label': 'Message' });
  const send = el('button.primary#chat-send', { type: 'submit' }, 'Send');
  const stop = el('button.danger#chat-stop', { type: 'button', disabled: true }, 'Stop');
  const status = el('p.muted.small#chat-status', { role: 'status' });
  const form = el('form.composer', {}, input, el('div.composer-actions', {}, stop, send));
  root.replaceChildren(transcript, form, status);

  const history = [];          // completed turns: {role, content}
  let controller = null;       // the AbortController of the answer being streamed

  function showWelcome() {
    transcript.replaceChildren(el('li.welcome', {}, empty('Start a conversation', 'Pick a model above, then ask something or try one of these:'),
      el('div.row.suggestions', {}, ...SUGGESTIONS.map((text) => el('button.chip', { type: 'button', onclick: () => { input.value = text; form.requestSubmit(); } }, text)))));
  }

  async function loadOptions() {
    const [keepModel, keepStore] = [model.value, store.value];
    model.disabled = true;
    model.replaceChildren(el('option', {}, 'Loading models…'));
    try {
      const [models, stores] = await session.withClient('llamaStack', (c) => Promise.all([c.listModels(), c.listVectorStores().catch(() => [])]));
      const chatModels = models.filter((m) => !/embed|minilm/i.test(m.id) && (m.custom_metadata?.model_type ?? m.model_type ?? 'llm') === 'llm');
      model.replaceChildren(...(chatModels.length ? chatModels : models).map((m) => el('option', { value: m.id }, m.id)));
      model.disabled = !models.length;
      store.replaceChildren(el('option', { value: '' }, 'No knowledge'), ...stores.map((s) => el('option', { value: s.id }, `Knowledge: ${s.name || s.id}`)));
      if ([...model.options].some((o) => o.value === keepModel)) model.value = keepModel;
      if ([...store.options].some((o) => o.value === keepStore)) store.value = keepStore;
      status.textContent = models.length ? '' : 'The LlamaStack server lists no models.';
    } catch (e) {
      model.replaceChildren(el('option', {}, 'Models unavailable'));
      status.replaceChildren(errorBox(e));
    }
  }

  function setStreaming(on) {
    send.disabled = on;
    stop.disabled = !on;
    input.readOnly = on;
    root.dataset.streaming = String(on);
  }

  async function ask(text) {
    if (transcript.querySelector('.welcome')) transcript.replaceChildren();
    transcript.append(el('li.msg.msg-user', {}, el('div.bubble', {}, text)));
    const answer = el('div.msg-text');
    const meta = el('div.msg-meta.muted.small', {}, badge('streaming', 'info'));
    const tools = el('div.msg-tools');
    const item = el('li.msg.msg-assistant', { dataset: { state: 'streaming' } }, el('div.bubble', {}, tools, answer, el('span.cursor', { 'aria-hidden': 'true' })), meta);
    transcript.append(item);
    item.scrollIntoView({ block: 'end' });

    controller = new AbortController();
    setStreaming(true);
    status.textContent = 'Streaming the answer…';
    const request = { model: model.value, input: text, chatContext: history.slice(-20) };
    if (store.value) request.vectorStoreIds = [store.value];
    let client;
    let stream;
    let deltas = 0;
    let outcome = 'completed';
    let detail = '';
    try {
      client = session.client('llamaStack');
      stream = client.createResponseStream(request, { signal: controller.signal });
      for await (const event of stream) {
        if (event.type === 'response.output_text.delta') {
          answer.append(event.delta);   // a text node: never parsed as HTML
          deltas += 1;
          item.dataset.deltas = String(deltas);
          if (deltas % 8 === 0) item.scrollIntoView({ block: 'end' });
        } else if (event.type === 'response.output_item.added' && event.item?.type && event.item.type !== 'message') {
          tools.append(badge(event.item.type.replace(/_/g, ' '), 'neutral'));
        } else if (event.type === 'response.completed') {
          item.dataset.completedEvent = 'true';
          const usage = event.response?.usage;
          if (usage) detail = `${usage.input_tokens} in · ${usage.output_tokens} out tokens`;
        }
      }
    } catch (e) {
      if (e.name === 'AbortError') outcome = 'stopped';
      else { outcome = 'error'; item.querySelector('.bubble').append(errorBox(e)); }
    } finally {
      const finished = stream ? await stream.whenFinished() : { error: undefined };
      item.dataset.finish = finished.error ? finished.error.name : 'completed';
      client?.dispose();
      controller = null;
      setStreaming(false);
    }
    item.dataset.state = outcome;
    item.querySelector('.cursor')?.remove();
    const labels = { completed: ['done', 'ok'], stopped: ['stopped', 'warn'], error: ['failed', 'error'] };
    meta.replaceChildren(badge(...labels[outcome]), el('span', {}, `${deltas} deltas${detail ? ` · ${detail}` : ''}`));
    status.textContent = outcome === 'stopped' ? 'Stopped: the stream was cancelled.' : outcome === 'error' ? 'The answer failed.' : '';
    if (outcome === 'completed') history.push({ role: 'user', content: text }, { role: 'assistant', content: answer.textContent });
    input.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || controller || model.disabled) return;
    input.value = '';
    ask(text).catch((e) => status.replaceChildren(errorBox(e)));
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); form.requestSubmit(); }
  });
  root.addEventListener('keydown', (event) => { if (event.key === 'Escape' && controller) controller.abort(); });
  stop.addEventListener('click', () => controller?.abort());
  clear.addEventListener('click', () => { controller?.abort(); history.length = 0; showWelcome(); input.focus(); });
  session.addEventListener('settings', loadOptions);
  session.addEventListener('stores-changed', loadOptions);
  showWelcome();
  loadOptions();
  return { focus: () => $('#chat-input')?.focus() };
}
