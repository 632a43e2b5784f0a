// MCP client and factory (UPSTREAM.md §4; the protocol is the MCP specification 2025-11-25 back to
// 2024-11-05). A client talks to one MCP server over streamable HTTP or legacy HTTP+SSE.
import { Disposable, call } from './disposable.js';
import { ServiceFactory } from './service_factory.js';

export { createMcpOAuthFetch } from './mcp_oauth.js';

const reveal = (token) => {
  if (token === undefined || token === null) return '';
  return typeof token.reveal === 'function' ? String(token.reveal()) : String(token);
};

// A JSON-RPC error of the server also gets its numeric code as `rpcCode`.
function withRpcCode(promise) {
  return promise.catch((e) => {
    if (e && e.service === 'mcp' && typeof e.serverType === 'string' && /^-?\d+$/.test(e.serverType)
        && e.message.startsWith('MCP error ')) {
      e.rpcCode = Number(e.serverType);
    }
    throw e;
  });
}

// Per-call options for the core: a progress callback that can never throw into C++.
function callOptions(options) {
  if (!options) return undefined;
  const { onProgress, ...rest } = options;
  if (typeof onProgress !== 'function') return rest;
  return {
    ...rest,
    onProgress(progress) {
      try { onProgress(progress); } catch { /* a failing callback must not fail the call */ }
    },
  };
}

// The user's elicitation handler, as the core wants it: always a Promise of JSON text.
function elicitationBridge(handler) {
  if (typeof handler !== 'function') return undefined;
  return (params) => Promise.resolve()
    .then(() => handler(params))
    .then((result) => JSON.stringify(result ?? null));
}

export class McpClient extends Disposable {
  /** Every tool of the server (tools/list, following nextCursor to the last page). */
  listTools(options) { return withRpcCode(call(() => this.native.listTools(callOptions(options)))); }
  /**
   * Calls a tool → `{content, structuredContent?, isError}`. `options.onProgress` receives
   * progress notifications; the time limit (`timeout`) restarts with each one.
   */
  callTool(name, args = {}, options) {
    return withRpcCode(call(() => this.native.callTool(String(name ?? ''), JSON.stringify(args ?? {}), callOptions(options))));
  }
  /** The initialize result: `{protocolVersion, capabilities, serverInfo, instructions?}`. */
  getServerConfig(options) { return withRpcCode(call(() => this.native.getServerConfig(callOptions(options)))); }
  /** Any other MCP request (`ping`, `resources/list`, `prompts/get`, …) → its raw result. */
  request(method, params = {}, options) {
    return withRpcCode(call(() => this.native.request(String(method ?? ''), JSON.stringify(params ?? {}), callOptions(options))));
  }
  /** initialize + ping in a fresh session → ConnectionStatus; MCP failures are reported inside it. */
  checkConnectionStatus(options) { return call(() => this.native.checkConnectionStatus(callOptions(options))); }
  /** initialize + tools/list in a fresh session → ToolsStatus; MCP failures are reported inside it. */
  listToolsWithStatus(options) { return call(() => this.native.listToolsWithStatus(callOptions(options))); }
  /** Ends the session (DELETE for streamable HTTP, end of the GET stream for SSE). */
  close() { return call(() => this.native.close()); }
  /** Ends the session at once (streams closed, DELETE sent without waiting) and frees the client. */
  dispose() {
    if (!this.disposed) this.native.abandon();
    super.dispose();
  }
  toString() { return '[McpClient]'; }
  toJSON() { return { client: 'McpClient' }; }
}

export class McpClientFactory extends ServiceFactory {
  constructor(module, config = {}) { super(module.McpFactory, config); }
  /**
   * A client for one server: `{server: {url, transport?, name?}, mcpToken?, token?, timeout?,
   * headers?, fetch?, protocolVersion?, clientInfo?, maxToolPages?, onElicitation?}`.
   * `mcpToken` is sent as `Authorization: Bearer …`; `token` (the user's Kubernetes token, e.g.
   * from extractRequestIdentity) is accepted so an identity can be spread in, and never sent.
   */
  createClient(options = {}) {
    const { server, mcpToken, token: _kubernetesToken, fetch, onElicitation, ...rest } = options;
    const json = JSON.stringify({ ...rest, server });
    return new McpClient(this.native.createClient(json, reveal(mcpToken), fetch, elicitationBridge(onElicitation)));
  }
  /**
   * The servers of the ConfigMap gen-ai-aa-mcp-servers, from its `data` (name → JSON text, or
   * name → object) → `{servers, total_count, skipped}`. Broken entries are in `skipped` with the
   * reason. A Mock factory without `data` uses the Kubernetes mock's ConfigMap.
   */
  parseServerConfigMap(data) {
    const source = data === undefined && this.isMock ? this.native.mockServerConfigMapData() : data;
    return this.native.parseServerConfigMap(JSON.stringify(source ?? null));
  }
}
