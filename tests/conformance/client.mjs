// Node entry of this SDK for the MCP conformance suite in client mode
// (@modelcontextprotocol/conformance): the suite starts a test server per scenario and runs
//   node tests/conformance/client.mjs <server URL>
// with the scenario name in MCP_CONFORMANCE_SCENARIO; it judges what its server saw.
import { createMcpOAuthFetch, loadGenAI } from 'genai-clients';

const url = process.argv.at(-1);
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}');

// OAuth as a headless client: the authorization server redirects at once, so the redirect is
// followed by hand instead of in a browser. Pre-registered credentials come in the context.
const oauthFetch = createMcpOAuthFetch({
  serverUrl: url,
  redirectUrl: 'http://localhost:3000/callback',
  clientId: context.client_id,
  clientSecret: context.client_secret,
  clientMetadataUrl: 'https://conformance-test.local/client-metadata.json',
  clientMetadata: { client_name: 'genai-clients-conformance' },
  authorize: async (authorizationUrl) => {
    const res = await fetch(authorizationUrl, { redirect: 'manual' });
    await res.body?.cancel();
    return res.headers.get('location');
  },
});

const genai = await loadGenAI();
const { mcp } = genai.createFactories({ mcp: {} });
const client = mcp.createClient({
  server: { name: 'conformance', url },
  clientInfo: { name: 'genai-clients-conformance', version: '0.1.0' },
  fetch: oauthFetch,
  // Accept every form; the SDK fills in the defaults of the requested schema (SEP-1034).
  onElicitation: async () => ({ action: 'accept', content: {} }),
});

// sse-retry measures how long the client waits before reconnecting (the server's `retry:`,
// 500 ms, with 200 ms of slack). The suite starts all its scenarios at once; on a small machine
// their start-up starves timers of CPU for a few seconds, which this scenario would count against
// the client. So it starts once the others are done: 5 s in, and once timers fire on time again
// (at most 15 s of waiting).
async function untilMachineIsIdle() {
  const deadline = Date.now() + 15000;
  await new Promise((r) => setTimeout(r, Math.max(0, 5000 - performance.now())));
  let calm = 0;
  while (calm < 10 && Date.now() < deadline) {
    const started = performance.now();
    await new Promise((r) => setTimeout(r, 20));
    calm = performance.now() - started < 25 ? calm + 1 : 0;
  }
}

async function run() {
  switch (scenario) {
    case 'initialize':
      await client.getServerConfig();
      await client.listTools();
      break;
    case 'tools_call': {
      const tools = await client.listTools();
      const add = tools.find((t) => t.name === 'add_numbers') ?? tools[0];
      await client.callTool(add.name, { a: 5, b: 3 });
      break;
    }
    case 'elicitation-sep1034-client-defaults':
      await client.listTools();
      await client.callTool('test_client_elicitation_defaults', {});
      break;
    case 'sse-retry':
      await untilMachineIsIdle();
      await client.listTools();
      await client.callTool('test_reconnection', {});
      break;
    default: {
      const tools = await client.listTools();
      if (tools.length) await client.callTool(tools[0].name, {});
    }
  }
}

try {
  await run();
  await client.close();
  process.exitCode = 0;
} catch (e) {
  console.error(`${scenario}: ${e.name} ${e.code ?? ''}: ${e.message}`);
  process.exitCode = 1;
} finally {
  client.dispose();
}
