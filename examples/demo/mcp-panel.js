// The MCP view: the servers of the namespace's ConfigMap with their status
// (`checkConnectionStatus`), a server's tools (`listToolsWithStatus`), and a tool call with JSON
// arguments. Each check, list and call uses its own client, disposed when it ends.
import { badge, busy, el, empty, errorBox, errorText, fill, loadInto, loading } from './ui.js';
import { loadServerList } from './mcp-servers.js';

const serverConfig = (s) => ({ url: s.url, transport: s.transport, name: s.name });

/** A JSON skeleton of a tool's arguments from its input schema (required fields, defaults). */
function skeleton(schema) {
  const out = {};
  const props = schema?.properties ?? {};
  for (const [name, prop] of Object.entries(props)) {
    if (prop.default !== undefined) out[name] = prop.default;
    else if (prop.enum?.length) out[name] = prop.enum[0];
    else out[name] = { number: 0, integer: 0, boolean: false, array: [], object: {} }[prop.type] ?? '';
  }
  return out;
}

function statusBadge(status) {
  if (!status) return badge('checking…', 'neutral');
  if (status.status === 'connected') return badge(`connected${status.ping_response_time_ms !== undefined ? ` · ${status.ping_response_time_ms} ms` : ''}`, 'ok');
  return badge(status.error_details?.code ?? 'error', 'error');
}

function renderResult(result) {
  const items = result.content.map((c) => {
    if (c.type === 'text') return el('pre.out', {}, c.text);
    if (c.type === 'image' || c.type === 'audio') return el('p.muted', {}, `${c.type} (${c.mimeType}, ${Math.round((c.data?.length ?? 0) * 0.75)} bytes)`);
    if (c.type === 'resource_link') return el('p.muted', {}, `link: ${c.name} — ${c.uri}`);
    if (c.type === 'resource') return el('pre.out', {}, c.resource.text ?? c.resource.uri);
    return el('pre.out', {}, JSON.stringify(c, null, 2));
  });
  return [
    el('div.row', {}, result.isError ? badge('tool error', 'error') : badge('ok', 'ok'), el('span.muted.small', {}, `${result.content.length} content item(s)`)),
    ...items,
    result.structuredContent ? el('details', {}, el('summary', {}, 'Structured content'), el('pre.out', {}, JSON.stringify(result.structuredContent, null, 2))) : null,
  ];
}

export function mountMcp(session, root) {
  const header = el('div.list-head');
  const list = el('ul.server-list#mcp-servers', { 'aria-label': 'MCP servers' });
  const detail = el('section.card.mcp-detail#mcp-detail', { 'aria-live': 'polite' }, empty('No server selected', 'Choose a server to see its tools.'));
  root.replaceChildren(el('section.card.mcp-servers', { 'aria-label': 'Servers' }, header, list), detail);
  let generation = 0;
  let servers = [];
  let selected = null;
  const statuses = new Map();

  function renderServer(server) {
    const status = statuses.get(server.url);
    const li = el('li', { dataset: { server: server.name, url: server.url, status: status?.status ?? 'checking' } },
      el('button.server', { type: 'button', 'aria-pressed': String(selected?.url === server.url), onclick: () => select(server) },
        el('span.avatar', { 'aria-hidden': 'true' }, server.name.slice(0, 1).toUpperCase()),
        el('span.server-main', {},
          el('strong', {}, server.name),
          el('span.muted.small.ellipsis', {}, server.url),
          status && status.status !== 'connected' ? el('span.small.text-error', {}, status.message) : null),
        el('span.server-side', {}, statusBadge(status), badge(server.transport === 'sse' ? 'SSE' : 'HTTP', 'neutral'))));
    return li;
  }
  const renderList = () => list.replaceChildren(...servers.map(renderServer));
  // Re-renders one server's row in place, keeping the keyboard focus on it.
  function updateServer(server) {
    const old = [...list.children].find((li) => li.dataset.url === server.url);
    if (!old) return;
    const hadFocus = old.contains(document.activeElement);
    const fresh = renderServer(server);
    old.replaceWith(fresh);
    if (hadFocus) fresh.querySelector('button').focus();
  }

  async function check(server, mine) {
    let status;
    try {
      status = await session.withClient('mcp', (c) => c.checkConnectionStatus(), { server: serverConfig(server) });
    } catch (e) {
      status = { status: 'error', message: errorText(e), error_details: { code: e.code ?? e.name } };
    }
    if (mine !== generation) return;
    statuses.set(server.url, status);
    updateServer(server);
  }

  async function reload() {
    const mine = ++generation;
    statuses.clear();
    header.replaceChildren(el('h2', {}, 'Servers'));
    list.replaceChildren(el('li', {}, loading('Reading the server list…')));
    let result;
    try {
      result = await loadServerList(session);
    } catch (e) {
      if (mine === generation) list.replaceChildren(el('li', {}, errorBox(e)));
      return;
    }
    if (mine !== generation) return;
    servers = result.servers;
    const checkAll = el('button.ghost.small#mcp-check', { type: 'button', onclick: (ev) => busy(ev.currentTarget, () => Promise.all(servers.map((s) => check(s, generation))), 'Checking…') }, 'Check again');
    fill(header, el('div.row-between', {}, el('h2', {}, 'Servers'), checkAll),
      el('p.muted.small#mcp-source', {}, servers.length ? `${servers.length} server(s) from ${result.source}` : 'No MCP servers found'),
      result.warning ? errorBox(result.warning, `The ConfigMap of ${session.namespace} could not be read.`) : null,
      result.skipped.length ? el('details.skipped', {}, el('summary', {}, `${result.skipped.length} entr${result.skipped.length === 1 ? 'y' : 'ies'} skipped`),
        el('ul', {}, ...result.skipped.map((s) => el('li', {}, el('code', {}, s.name), ` — ${s.reason}`)))) : null);
    if (!servers.length) {
      list.replaceChildren(el('li', {}, empty('No servers', 'Add an MCP server URL in Settings, or pick another namespace.')));
      detail.replaceChildren(empty('No server selected'));
      return;
    }
    selected = servers.find((s) => s.url === selected?.url) ?? servers[0];
    renderList();
    select(selected);
    await Promise.all(servers.map((s) => check(s, mine)));
  }

  function select(server) {
    selected = server;
    for (const li of list.children) li.querySelector('button.server')?.setAttribute('aria-pressed', String(li.dataset.url === server.url));
    const tools = el('div#mcp-tools');
    const call = el('div#mcp-call-area');
    fill(detail,
      el('div.row-between', {}, el('h2', {}, server.name), badge(server.transport, 'neutral')),
      server.description ? el('p.muted', {}, server.description) : null,
      tools, call);
    const mine = generation;
    loadInto(tools, () => session.withClient('mcp', (c) => c.listToolsWithStatus(), { server: serverConfig(server) }), (ts) => {
      if (mine !== generation || selected !== server) return null;
      if (ts.status !== 'success') {
        const e = Object.assign(new Error(`${ts.message}${ts.error_details?.raw_error ? `: ${ts.error_details.raw_error}` : ''}`),
          { name: 'MCP server error', code: ts.error_details?.code, status: ts.error_details?.status_code });
        return errorBox(e);
      }
      if (!ts.tools.length) return empty('No tools', 'This server offers no tools.');
      return [
        el('p.muted.small#mcp-tools-count', {}, `${ts.tools_count} tool(s) · ${ts.server_info.name} ${ts.server_info.version}`),
        el('ul.tool-list', {}, ...ts.tools.map((tool) => el('li', { dataset: { tool: tool.name } },
          el('button.tool', { type: 'button', onclick: (ev) => {
            for (const b of tools.querySelectorAll('button.tool')) b.setAttribute('aria-pressed', 'false');
            ev.currentTarget.setAttribute('aria-pressed', 'true');
            showTool(call, server, tool);
          } }, el('strong', {}, tool.name), el('span.muted.small', {}, tool.description || 'No description'))))),
      ];
    }, { loadingText: 'Listing tools…' });
  }

  function showTool(call, server, tool) {
    const args = el('textarea#mcp-args', { rows: 6, spellcheck: 'false', 'aria-describedby': 'mcp-args-help' });
    args.value = JSON.stringify(skeleton(tool.input_schema), null, 2);
    const result = el('div#mcp-result', { 'aria-live': 'polite' });
    const button = el('button.primary#mcp-call', { type: 'submit' }, `Call ${tool.name}`);
    const form = el('form.tool-form', {},
      el('label', { for: 'mcp-args' }, 'Arguments (JSON object)'), args,
      el('p.muted.small#mcp-args-help', {}, `Required: ${(tool.input_schema?.required ?? []).join(', ') || 'none'}`),
      el('div.row', {}, button), result);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      let parsed;
      try {
        parsed = JSON.parse(args.value || '{}');
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the arguments must be a JSON object');
      } catch (e) {
        result.dataset.state = 'invalid';
        result.replaceChildren(errorBox(Object.assign(new Error(e.message), { name: 'Invalid JSON' })));
        return;
      }
      busy(button, async () => {
        result.dataset.state = 'busy';
        const done = await loadInto(result, () => session.withClient('mcp', (c) => c.callTool(tool.name, parsed), { server: serverConfig(server) }),
          renderResult, { loadingText: `Calling ${tool.name}…` });
        result.dataset.state = done ? (done.isError ? 'tool-error' : 'ok') : 'error';
      }, 'Calling…');
    });
    fill(call, el('h3', {}, tool.name), tool.description ? el('p.muted.small', {}, tool.description) : null, form);
    args.focus();
  }

  session.addEventListener('namespace', reload);
  list.replaceChildren(el('li', {}, loading('Waiting for the namespace…')));
}
