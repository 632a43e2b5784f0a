// The API keys view (MaaS): create a key (its secret is shown once, masked until revealed), list
// keys (`searchApiKeys`, one page), revoke one; issue a MaaS token (never displayed: only copied)
// and revoke all tokens.
import { badge, busy, confirmButton, el, empty, errorBox, formatDate, loadInto, toast } from './ui.js';

const mask = (secret) => `${secret.slice(0, 10)}${'•'.repeat(16)}`;

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast('Copied to the clipboard', 'success');
  } catch {
    toast('The clipboard is not available here', 'error');
  }
}

export function mountMaas(session, root) {
  const name = el('input#key-name', { placeholder: 'e.g. my-notebook', required: true, autocomplete: 'off' });
  const expires = el('select#key-expires', {}, ...['1d', '7d', '30d', '90d'].map((v) => el('option', { value: v, selected: v === '30d' }, v)));
  const description = el('input#key-description', { placeholder: 'optional', autocomplete: 'off' });
  const create = el('button.primary#key-create', { type: 'submit' }, 'Create key');
  const created = el('div#key-created', { 'aria-live': 'polite' });
  const form = el('form.form-grid', {},
    el('label', { for: 'key-name' }, 'Name'), name,
    el('label', { for: 'key-expires' }, 'Expires in'), expires,
    el('label', { for: 'key-description' }, 'Description'), description,
    el('div.form-actions', {}, create));
  const showRevoked = el('input#keys-revoked', { type: 'checkbox' });
  const table = el('div#keys-list');
  const tokenExpiry = el('select#token-expiration', {}, ...['30m', '1h', '4h', '24h'].map((v) => el('option', { value: v, selected: v === '1h' }, v)));
  const issue = el('button.primary#token-issue', { type: 'button' }, 'Issue token');
  const tokenOut = el('div#token-out', { 'aria-live': 'polite' });
  const revokeAll = confirmButton('Revoke all tokens', 'Confirm: revoke all', async () => {
    try {
      await session.withClient('maas', (c) => c.revokeAllTokens());
      tokenOut.replaceChildren(el('p.muted', {}, 'All your MaaS tokens were revoked.'));
    } catch (e) { tokenOut.replaceChildren(errorBox(e)); }
  }, { id: 'token-revoke-all' });

  root.replaceChildren(
    el('section.card', { 'aria-labelledby': 'h-key-new' }, el('h2#h-key-new', {}, 'New API key'), form, created),
    el('section.card', { 'aria-labelledby': 'h-tokens' }, el('h2#h-tokens', {}, 'Tokens'),
      el('p.muted.small', {}, 'Short-lived MaaS tokens for scripts. The token is copied, never shown.'),
      el('div.row', {}, el('label', { for: 'token-expiration' }, 'Lifetime'), tokenExpiry, issue, revokeAll), tokenOut),
    el('section.card.span-2', { 'aria-labelledby': 'h-keys-list' },
      el('div.row-between', {}, el('h2#h-keys-list', {}, 'Your keys'), el('label.row.small', {}, showRevoked, 'Show revoked and expired')),
      table));

  const loadKeys = () => loadInto(table, () => session.withClient('maas', (c) => c.searchApiKeys({
    status: showRevoked.checked ? ['active', 'revoked', 'expired'] : ['active'], limit: 50,
  })), (page) => {
    if (!page.data.length) return empty('No API keys', 'Create one to call MaaS models from your code.');
    const rows = page.data.map((k) => el('tr', { dataset: { key: k.id, status: k.status } },
      el('td', {}, el('strong', {}, k.name), k.description ? el('div.muted.small', {}, k.description) : null),
      el('td', {}, badge(k.status, k.status === 'active' ? 'ok' : 'neutral')),
      el('td', {}, k.subscription ?? '—'),
      el('td', {}, formatDate(k.creationDate)),
      el('td', {}, formatDate(k.expirationDate)),
      el('td.actions', {}, k.status === 'active' ? confirmButton('Revoke', 'Confirm revoke', async () => {
        try {
          await session.withClient('maas', (c) => c.revokeApiKey(k.id));
          toast(`Revoked ${k.name}`, 'success');
          await loadKeys();
        } catch (e) { table.prepend(errorBox(e)); }
      }, { 'aria-label': `Revoke ${k.name}` }) : null)));
    return [
      el('div.table-wrap', {}, el('table#keys', {},
        el('thead', {}, el('tr', {}, ...['Name', 'Status', 'Subscription', 'Created', 'Expires', ''].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows))),
      page.has_more ? el('p.muted.small', {}, 'More keys exist than shown here (first 50).') : null,
    ];
  }, { loadingText: 'Loading keys…' });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!name.value.trim()) { name.focus(); return; }
    busy(create, async () => {
      try {
        const request = { name: name.value.trim(), expiresIn: expires.value };
        if (description.value.trim()) request.description = description.value.trim();
        const key = await session.withClient('maas', (c) => c.createApiKey(request));
        const secret = el('code.secret#key-secret', {}, mask(key.key));
        const reveal = el('button.ghost.small', { type: 'button', 'aria-pressed': 'false' }, 'Reveal');
        reveal.addEventListener('click', () => {
          const shown = reveal.getAttribute('aria-pressed') !== 'true';
          secret.textContent = shown ? key.key : mask(key.key);
          reveal.setAttribute('aria-pressed', String(shown));
          reveal.textContent = shown ? 'Hide' : 'Reveal';
        });
        created.replaceChildren(el('div.alert.alert-success', {},
          el('strong', {}, `Key “${key.name}” created`),
          el('div.row', {}, secret, reveal, el('button.ghost.small', { type: 'button', onclick: () => copy(key.key) }, 'Copy')),
          el('span.small', {}, 'Copy it now: it will not be shown again.')));
        name.value = '';
        description.value = '';
        await loadKeys();
      } catch (e) {
        created.replaceChildren(errorBox(e));
      }
    }, 'Creating…');
  });

  issue.addEventListener('click', () => busy(issue, async () => {
    try {
      const t = await session.withClient('maas', (c) => c.issueToken({ expiration: tokenExpiry.value }));
      tokenOut.replaceChildren(el('div.alert.alert-success#token-issued', {},
        el('strong', {}, 'Token issued'), el('span', {}, `expires ${formatDate(t.expiresAt)}`),
        el('div.row', {}, el('button.ghost.small', { type: 'button', onclick: () => copy(t.token) }, 'Copy token'))));
    } catch (e) { tokenOut.replaceChildren(errorBox(e)); }
  }, 'Issuing…'));

  showRevoked.addEventListener('change', loadKeys);
  session.addEventListener('settings', () => { created.replaceChildren(); tokenOut.replaceChildren(); loadKeys(); });
  loadKeys();
}
