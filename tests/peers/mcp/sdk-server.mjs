// A small MCP server built with the MCP TypeScript SDK on 127.0.0.1, in one of two modes:
//   'json': streamable HTTP with StreamableHTTPServerTransport({enableJsonResponse: true}), so
//           every reply is application/json; an unknown session gets 404 as the spec says.
//   'sse':  the legacy HTTP+SSE transport (SSEServerTransport), GET /sse + POST /messages.
// Its tools mirror the Mock factory's kubernetes server, so the contract test can hold both to
// the same assertions. `token`, when set, is required as `Authorization: Bearer <token>`.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { z } from 'zod';

function makeServer() {
  const server = new McpServer({ name: 'kubernetes-mcp-server', version: '2.0.1' });
  const result = (name, args) => ({
    content: [{ type: 'text', text: `Result of ${name} for ${JSON.stringify(args)}` }],
    structuredContent: { tool: name, arguments: args },
  });
  server.registerTool('kubectl_get_pods', {
    description: 'Get list of pods in a namespace',
    inputSchema: { namespace: z.string().describe('Kubernetes namespace') },
  }, async (args) => result('kubectl_get_pods', args));
  server.registerTool('kubectl_describe_pod', {
    description: 'Describe a specific pod',
    inputSchema: { namespace: z.string().describe('Kubernetes namespace'), pod_name: z.string().describe('Pod name') },
  }, async (args) => result('kubectl_describe_pod', args));
  return server;
}

async function readBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try { return text ? JSON.parse(text) : undefined; } catch { return undefined; }
}

export async function startSdkServer(mode, { token } = {}) {
  const sessions = new Map();
  const requests = [];
  const sockets = new Set();
  const httpServer = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    requests.push({ method: req.method, path: url.pathname, headers: req.headers, body });
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'invalid or missing token' }));
    }
    try {
      if (mode === 'sse') {
        if (req.method === 'GET' && url.pathname === '/sse') {
          const transport = new SSEServerTransport('/messages', res);
          sessions.set(transport.sessionId, transport);
          res.on('close', () => sessions.delete(transport.sessionId));
          await makeServer().connect(transport);
          return;
        }
        const transport = sessions.get(url.searchParams.get('sessionId'));
        if (req.method === 'POST' && url.pathname === '/messages' && transport) return await transport.handlePostMessage(req, res, body);
        res.writeHead(404);
        return res.end('unknown session');
      }
      const sid = req.headers['mcp-session-id'];
      if (req.method === 'POST' && !sid && body?.method === 'initialize') {
        const transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          enableJsonResponse: true,
          onsessioninitialized: (id) => sessions.set(id, transport),
        });
        transport.onclose = () => sessions.delete(transport.sessionId);
        await makeServer().connect(transport);
        return await transport.handleRequest(req, res, body);
      }
      const transport = sessions.get(sid);
      if (!transport) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }));
      }
      return await transport.handleRequest(req, res, body);
    } catch (e) {
      if (!res.headersSent) { res.writeHead(500); res.end(String(e)); }
    }
  });
  httpServer.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${httpServer.address().port}`;
  return {
    base,
    url: mode === 'sse' ? `${base}/sse` : `${base}/mcp`,
    requests,
    /** Forgets every session, as a restarted server would. */
    expireSessions() {
      for (const transport of sessions.values()) transport.close?.().catch?.(() => {});
      sessions.clear();
    },
    get openSessions() { return sessions.size; },
    async stop() {
      for (const transport of sessions.values()) await transport.close?.().catch?.(() => {});
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}
