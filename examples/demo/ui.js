// Small DOM helpers shared by the panels: element building, busy buttons, loading / empty /
// error states, and readable error text. No HTML strings: every text goes in as textContent.

/** `el('button.primary#send', {type: 'submit', onclick}, 'Send')`: tag, classes, id, props, children. */
export function el(spec, props = {}, ...children) {
  const [, tag = 'div', rest = ''] = /^([a-z0-9-]*)(.*)$/i.exec(spec);
  const node = document.createElement(tag || 'div');
  for (const part of rest.match(/[.#][^.#]+/g) ?? []) {
    if (part[0] === '.') node.classList.add(part.slice(1));
    else node.id = part.slice(1);
  }
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** `node.replaceChildren(...)` that skips null / undefined / false children. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** A readable one-line message for any error (the SDK's errors have name, code, status). */
export function errorText(e) {
  if (!e || typeof e !== 'object') return String(e);
  const name = e.name && e.name !== 'Error' ? `${e.name}: ` : '';
  const extra = [e.code && e.code !== 'UNKNOWN' ? e.code : null, e.status ? `HTTP ${e.status}` : null].filter(Boolean);
  return `${name}${e.message ?? String(e)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** An inline error box for a panel: title, message, optional hint. */
export function errorBox(e, hint) {
  return el('div.alert.alert-error', { role: 'alert', dataset: { errorName: e?.name ?? 'Error', errorCode: e?.code ?? '' } },
    el('strong', {}, e?.name ?? 'Error'),
    el('span.alert-text', {}, errorText(e)),
    hint ? el('span.alert-hint', {}, hint) : null);
}

export function loading(text = 'Loading…') {
  return el('div.state.loading', { role: 'status' }, el('span.spinner', { 'aria-hidden': 'true' }), el('span', {}, text));
}

export function empty(title, text) {
  return el('div.state.empty', {}, el('strong', {}, title), text ? el('span', {}, text) : null);
}

export function badge(text, tone = 'neutral') {
  return el(`span.badge.badge-${tone}`, {}, text);
}

/**
 * Runs `fn` with `button` disabled and marked busy, and shows `Loading…`-style text on it.
 * Returns fn's result; rethrows its error.
 */
export async function busy(button, fn, busyText) {
  const label = button?.textContent;
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    if (busyText) button.textContent = busyText;
  }
  try {
    return await fn();
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (busyText) button.textContent = label;
    }
  }
}

/**
 * Loads into `target`: a loading state first, then `render(result)` or an error box. The
 * error never escapes, so one failing service leaves the other panels alone.
 */
export async function loadInto(target, load, render, { loadingText, hint } = {}) {
  target.replaceChildren(loading(loadingText));
  target.setAttribute('aria-busy', 'true');
  try {
    const result = await load();
    target.replaceChildren(...[render(result)].flat().filter(Boolean));
    return result;
  } catch (e) {
    target.replaceChildren(errorBox(e, hint?.(e)));
    return undefined;
  } finally {
    target.removeAttribute('aria-busy');
  }
}

/** A button that asks for a second click before `action` runs. */
export function confirmButton(label, confirmLabel, action, props = {}) {
  const button = el('button.ghost.danger-text', { type: 'button', ...props }, label);
  let timer;
  button.addEventListener('click', () => {
    if (button.dataset.confirm !== 'true') {
      button.dataset.confirm = 'true';
      button.textContent = confirmLabel;
      timer = setTimeout(() => { button.dataset.confirm = ''; button.textContent = label; }, 4000);
      return;
    }
    clearTimeout(timer);
    button.dataset.confirm = '';
    button.textContent = label;
    busy(button, action, '…');
  });
  return button;
}

/** A short-lived message at the bottom of the screen (polite live region). */
export function toast(text, tone = 'info') {
  const host = $('#toasts');
  if (!host) return;
  const item = el(`div.toast.toast-${tone}`, {}, text);
  host.append(item);
  setTimeout(() => item.remove(), 4000);
}

export function formatDate(value) {
  if (value === undefined || value === null || value === '') return '—';
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatBytes(n) {
  if (typeof n !== 'number') return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
