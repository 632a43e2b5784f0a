// The playground's session: the loaded SDK, the factories built from the settings, the chosen
// namespace, and `withClient()`, which creates a client for one action and disposes it after.
// Panels listen for `settings` and `namespace` events to reload.
import { factoriesConfig, SERVICES } from './settings.js';

export class Session extends EventTarget {
  #genai;
  #factories = {};

  constructor(genai, settings) {
    super();
    this.#genai = genai;
    this.settings = settings;
    this.namespace = settings.namespace || '';
    this.#build();
  }

  #build() {
    for (const factory of Object.values(this.#factories)) factory.dispose();
    this.#factories = this.#genai.createFactories(factoriesConfig(this.settings));
  }

  /** Replaces the settings, rebuilds every factory and tells the panels. */
  apply(settings) {
    this.settings = settings;
    this.#build();
    this.dispatchEvent(new Event('settings'));
  }

  /** Sets the namespace (after every load of the picker, even when unchanged): panels reload. */
  setNamespace(name) {
    this.namespace = name;
    this.dispatchEvent(new Event('namespace'));
  }

  isMock(service) { return this.settings.services[service].mock; }
  label(service) { return SERVICES.find((s) => s.key === service).label; }
  factory(service) { return this.#factories[service]; }

  /** A new client of `service` with the user's token (MCP: `mcpToken`); `extra` is merged in. */
  client(service, extra = {}) {
    const s = this.settings.services[service];
    if (!s.mock && !s.url && service !== 'mcp') {
      const e = new Error(`No base URL for ${this.label(service)}: set one in Settings, or switch it to Mock.`);
      e.name = 'ConfigurationError';
      throw e;
    }
    const factory = this.#factories[service];
    if (service === 'mcp') return factory.createClient({ mcpToken: s.token || undefined, ...extra });
    return factory.createClient({ token: s.token || undefined, ...extra });
  }

  /** Runs `fn(client)` with a client made for this action, and disposes it however fn ends. */
  async withClient(service, fn, extra) {
    const client = this.client(service, extra);
    try {
      return await fn(client);
    } finally {
      client.dispose();
    }
  }
}
