// Type-level test of the MCP declarations (web/mcp.d.ts): every export used with correct types,
// misuse rejected (`@ts-expect-error` fails the build if the line below it type-checks).
// Only checked by `node_modules/.bin/tsc -p tests/types/tsconfig.json`, never run.
import { loadGenAI, McpClient, McpClientFactory, createMcpOAuthFetch, GenAIError } from 'genai-clients';
import type {
  McpClientOptions,
  McpCallOptions,
  McpCallToolResult,
  McpConnectionStatus,
  McpToolsStatus,
  McpTool,
  McpInitializeResult,
  McpServerList,
  McpServerConfig,
  McpProgress,
  McpElicitationRequest,
  McpElicitationResult,
  McpOAuthFetch,
  McpServerConfigMapData,
} from 'genai-clients';

async function usage(): Promise<void> {
  const genai = await loadGenAI();
  const { mcp } = genai.createFactories({ mcp: { mock: true } });
  const factory: McpClientFactory = mcp;
  const isMock: boolean = factory.isMock;

  const list: McpServerList = factory.parseServerConfigMap();
  const data: McpServerConfigMapData = { brave: '{"url":"http://localhost:9090/sse","transport":"sse"}' };
  const parsed = factory.parseServerConfigMap(data);
  const first = parsed.servers[0];
  if (first) {
    const transport: string = first.transport;
    const logo: string | null = first.logo;
    void transport, logo;
  }
  const reason: string | undefined = list.skipped[0]?.reason;

  const identity = genai.extractRequestIdentity({ Authorization: 'Bearer k8s', 'X-MCP-Bearer': 'Bearer mcp' });
  const server: McpServerConfig = { name: 'kubernetes', url: 'http://localhost:9091/mcp' };
  const options: McpClientOptions = {
    server,
    ...identity,
    timeout: 30000,
    protocolVersion: '2025-06-18',
    clientInfo: { name: 'app', version: '1.0.0' },
    onElicitation: (request: McpElicitationRequest): McpElicitationResult => ({ action: 'accept', content: { name: request.message } }),
  };
  const client: McpClient = factory.createClient(options);

  const tools: McpTool[] = await client.listTools({ timeout: 5000 });
  const schemaType = tools[0]?.inputSchema.type;
  const progress: McpProgress[] = [];
  const callOptions: McpCallOptions = { signal: AbortSignal.timeout(10000), onProgress: (p) => progress.push(p) };
  const result: McpCallToolResult = await client.callTool('kubectl_get_pods', { namespace: 'default' }, callOptions);
  const isError: boolean = result.isError;
  const firstContent = result.content[0];
  if (firstContent?.type === 'text') {
    const text: string = firstContent.text;
    void text;
  }
  const config: McpInitializeResult = await client.getServerConfig();
  const version: '2025-11-25' | '2025-06-18' | '2025-03-26' | '2024-11-05' = config.protocolVersion;
  const pong = await client.request('ping');
  const resources = await client.request<{ resources: unknown[] }>('resources/list', { cursor: 'x' });
  const status: McpConnectionStatus = await client.checkConnectionStatus();
  const ping: number | undefined = status.ping_response_time_ms;
  const tstatus: McpToolsStatus = await client.listToolsWithStatus();
  const reduced: string = tstatus.tools[0]?.input_schema.type as string;
  const code: string | undefined = tstatus.error_details?.code;
  await client.close();
  client.dispose();
  {
    using scoped = factory.createClient({ server: { url: 'http://localhost:9090/sse', transport: 'sse' } });
    await scoped.listTools();
  }

  const oauthFetch: McpOAuthFetch = createMcpOAuthFetch({
    serverUrl: 'https://mcp.example.com/mcp',
    redirectUrl: 'https://app.example.com/callback',
    authorize: async (url: URL) => `https://app.example.com/callback?code=c&state=${url.searchParams.get('state')}`,
  });
  const authorized: boolean = oauthFetch.authorized;
  const real = genai.createFactories({ mcp: {}, fetch }).mcp.createClient({ server: { url: 'https://mcp.example.com/mcp' }, fetch: oauthFetch });

  try {
    await real.request('no/such/method');
  } catch (e) {
    if (e instanceof GenAIError) {
      const c: string = e.code;
      void c;
    }
  }

  // @ts-expect-error server is required
  factory.createClient({});
  // @ts-expect-error the url is a string
  factory.createClient({ server: { url: 42 } });
  // @ts-expect-error protocol versions are the four this client speaks
  factory.createClient({ server, protocolVersion: '2023-01-01' });
  // @ts-expect-error tool arguments are an object
  await client.callTool('x', 'not an object');
  // @ts-expect-error maxRetries does not apply to MCP calls
  await client.listTools({ maxRetries: 3 });
  // @ts-expect-error an elicitation answer needs a known action
  factory.createClient({ server, onElicitation: () => ({ action: 'maybe' }) });
  // @ts-expect-error createMcpOAuthFetch needs authorize
  createMcpOAuthFetch({ serverUrl: 'x', redirectUrl: 'y' });

  void isMock, reason, schemaType, isError, version, pong, resources, ping, reduced, code, authorized;
}
void usage;
