// Where the MCP servers come from: the ConfigMap `gen-ai-aa-mcp-servers` of the namespace (read
// with the Kubernetes client), parsed by the MCP factory's `parseServerConfigMap`, plus the
// server URL of the settings (`?mcpUrl=…`). Used by the MCP view and the overview.
export const CONFIGMAP = 'gen-ai-aa-mcp-servers';

/** → `{servers, skipped, source, warning?}`; never rejects for a ConfigMap problem (that becomes `warning`). */
export async function loadServerList(session) {
  const mcp = session.factory('mcp');
  const namespace = session.namespace;
  let list = { servers: [], skipped: [] };
  let source = '';
  let warning = null;
  if (namespace) {
    try {
      const cm = await session.withClient('kubernetes', (k) => k.getConfigMap(namespace, CONFIGMAP));
      list = mcp.parseServerConfigMap(cm.data ?? {});
      source = `ConfigMap ${CONFIGMAP} in ${namespace}`;
    } catch (e) {
      warning = e;
    }
  }
  if (!source && mcp.isMock) {
    list = mcp.parseServerConfigMap();
    source = `the Mock ConfigMap ${CONFIGMAP}`;
  }
  const { url, transport } = session.settings.services.mcp;
  if (url) {
    let name = url;
    try { const u = new URL(url); name = `${u.host}${u.pathname === '/' ? '' : u.pathname}`; } catch { /* shown as typed */ }
    list.servers = [{ name, url, transport: transport || 'streamable-http', description: 'Added in Settings', logo: null, status: 'healthy', fromSettings: true },
      ...list.servers.filter((s) => s.url !== url)];
    source = source ? `${source}, and Settings` : 'Settings';
  }
  return { servers: list.servers, skipped: list.skipped ?? [], source, warning };
}
