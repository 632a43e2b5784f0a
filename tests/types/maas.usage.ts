// Type-level test of web/index.d.ts: uses every export with correct types, and proves misuse is
// rejected (`@ts-expect-error` fails the build if the line below it type-checks). Only checked by
// `node_modules/.bin/tsc -p tests/types/tsconfig.json`, never run.
import {
  loadGenAI,
  GenAI,
  SecretToken,
  liveHandleCount,
  MaaSClient,
  MaaSClientFactory,
  GenAIError,
  ValidationError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  APIError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ProtocolError,
  makeError,
} from 'genai-clients';
import type {
  LoadOptions,
  ServiceConfig,
  IdentityOptions,
  FactoriesConfig,
  Factories,
  EnvConfig,
  EnvServiceConfig,
  EnvSource,
  HeaderSource,
  RequestIdentity,
  RequestIdentityLike,
  ValidateIdentityOptions,
  GenAIErrors,
  CallOptions,
  ClientOptions,
  ListModelsOptions,
  TokenRequest,
  ModelTokenRequest,
  CreateApiKeyRequest,
  ApiKeyStatus,
  ApiKeySortField,
  SearchApiKeysRequest,
  BulkRevokeRequest,
  MaaSModel,
  MaaSModelDetails,
  MaaSSubscriptionInfo,
  MaaSToken,
  ModelToken,
  CreatedApiKey,
  ApiKey,
  ApiKeyPage,
  BulkRevokeResult,
  ApiKeyConfig,
  Subscription,
  ModelRefInfo,
  TokenRateLimit,
  TenantsResponse,
  TenantInfo,
  GatewayMetadata,
  HealthResponse,
  GenAIErrorCode,
  GenAIErrorFields,
  GenAIErrorName,
  ErrorDescriptor,
} from 'genai-clients';

// ── helpers ─────────────────────────────────────────────────────────────────────────────────
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when A and B are the same type. */
function assertType<A, B>(_proof: Equal<A, B>): void {}
declare const customFetch: typeof fetch;
declare const wasmBytes: Uint8Array;
declare const requestHeaders: Headers;

// ── loading ────────────────────────────────────────────────────────────────────────────────
const loadOptions: LoadOptions[] = [
  {},
  { wasmBinary: wasmBytes },
  { wasmBinary: new ArrayBuffer(8) },
  { wasmUrl: '/assets/genai_core.wasm' },
  { wasmUrl: new URL('https://cdn.example.com/genai_core.wasm') },
];
const genai = await loadGenAI();
assertType<typeof genai, GenAI>(true);
assertType<ReturnType<typeof loadGenAI>, Promise<GenAI>>(true);
await loadGenAI(loadOptions[1]);
// @ts-expect-error wasmUrl must be a string or URL
await loadGenAI({ wasmUrl: 42 });
// @ts-expect-error wasmBinary must be bytes
await loadGenAI({ wasmBinary: 'genai_core.wasm' });
// @ts-expect-error GenAI is only created by loadGenAI()
new GenAI();

// ── configuration ──────────────────────────────────────────────────────────────────────────
const env: EnvConfig = genai.configFromEnv({ MOCK_MAAS_CLIENT: 'true', MAAS_URL: 'https://maas.example.com' });
const envFromMap: EnvConfig = genai.configFromEnv(new Map([['MOCK_LS_CLIENT', '1']]));
const envFromPairs: EnvConfig = genai.configFromEnv([['AUTH_TOKEN_PREFIX', '']]);
const envDefault: EnvConfig = genai.configFromEnv();
const maasEnv: EnvServiceConfig = env.maas;
const mock: boolean = maasEnv.mock;
const maasUrl: string | undefined = env.maas.baseURL;
const allServices: EnvServiceConfig[] = [env.llamaStack, env.maas, env.mcp, env.kubernetes, envFromMap.maas, envFromPairs.maas];
const tokenHeader: string = env.auth.tokenHeader;
const tokenPrefix: string = envDefault.auth.tokenPrefix;
// @ts-expect-error environment values are strings
genai.configFromEnv({ MOCK_MAAS_CLIENT: true });

const maasService: ServiceConfig = { mock: false, baseURL: 'https://maas.example.com/maas-api', fetch: customFetch };
const identityOptions: IdentityOptions = { tokenHeader: 'x-forwarded-access-token', tokenPrefix: '' };
const config: FactoriesConfig = {
  llamaStack: { mock: true },
  maas: maasService,
  mcp: { mock: true },
  kubernetes: { baseURL: 'https://api.cluster.example.com:6443' },
  fetch: customFetch,
  auth: identityOptions,
};
const factories: Factories = genai.createFactories(config);
assertType<typeof factories.maas, MaaSClientFactory | undefined>(true); // `config` may lack maas
const none: Factories = genai.createFactories();
assertType<Factories['maas'], MaaSClientFactory | undefined>(true);
// With `maas` certainly given (a literal, or an EnvConfig), the MaaS factory is certainly there:
const fromEnv = genai.createFactories({ ...env, fetch: customFetch });
assertType<typeof fromEnv.maas, MaaSClientFactory>(true);
const { maas: literalMaas } = genai.createFactories({ maas: { mock: true } });
assertType<typeof literalMaas, MaaSClientFactory>(true);
// @ts-expect-error misspelt option (baseUrl) is caught
genai.createFactories({ maas: { baseUrl: 'https://maas.example.com' } });
// @ts-expect-error misspelt service (mass) is caught
genai.createFactories({ mass: { mock: true } });
// @ts-expect-error mock is a boolean
genai.createFactories({ maas: { mock: 'yes' } });
// @ts-expect-error fetch must be a fetch function
genai.createFactories({ fetch: 'https://example.com' });

// ── identity ───────────────────────────────────────────────────────────────────────────────
const headerSources: HeaderSource[] = [
  requestHeaders,
  new Map([['authorization', 'Bearer abc']]),
  [['Authorization', 'Bearer abc']],
  { authorization: 'Bearer abc', 'x-forwarded-for': ['10.0.0.1', '10.0.0.2'], cookie: undefined },
];
const identity: RequestIdentity = genai.extractRequestIdentity(requestHeaders, env.auth);
const identity2 = genai.extractRequestIdentity({ Authorization: 'Bearer abc', 'X-MCP-Bearer': 'Bearer mcp' });
assertType<typeof identity2, RequestIdentity>(true);
const userToken: SecretToken = identity.token;
const mcpToken: SecretToken | null = identity.mcpToken;
const revealed: string = userToken.reveal();
const redactedText: string = String(userToken) + userToken.toString();
const redactedJson: string = userToken.toJSON();
const made = new SecretToken('abc');
const validateOptions: ValidateIdentityOptions = { forMcp: true };
genai.validateRequestIdentity(identity);
genai.validateRequestIdentity(identity, validateOptions);
genai.validateRequestIdentity({ token: 'plain-string-token', mcpToken: null });
genai.validateRequestIdentity(null);
const like: RequestIdentityLike = { token: made };
genai.validateRequestIdentity(like, {});
// @ts-expect-error headers must be a Headers, Map, pairs or record of strings
genai.extractRequestIdentity({ authorization: 42 });
// @ts-expect-error tokenHeader is a string
genai.extractRequestIdentity(requestHeaders, { tokenHeader: true });
// @ts-expect-error forMcp is a boolean
genai.validateRequestIdentity(identity, { forMcp: 'yes' });
// @ts-expect-error a SecretToken is a class instance, not any object with reveal()
const fakeToken: SecretToken = { reveal: () => 'x', toString: () => 'x', toJSON: () => 'x' };
// @ts-expect-error a RequestIdentity holds SecretTokens, not strings
const badIdentity: RequestIdentity = { token: 'abc', mcpToken: null };
// @ts-expect-error no such method
userToken.value();

// ── handles, memory, errors namespace ──────────────────────────────────────────────────────
const live: number = genai.liveHandles + liveHandleCount();
const heap: number = genai.wasmHeapBytes;
const errs: GenAIErrors = genai.errors;
assertType<typeof errs.NotFoundError, typeof NotFoundError>(true);
assertType<typeof errs.makeError, typeof makeError>(true);
// @ts-expect-error liveHandles is read-only
genai.liveHandles = 0;

// ── MaaS factory ───────────────────────────────────────────────────────────────────────────
const maybeFactory = factories.maas;
if (!maybeFactory) throw new Error('no MaaS factory');
const factory: MaaSClientFactory = maybeFactory;
const isMock: boolean = factory.isMock;
const cacheSize: number = factory.tokenCacheSize;
factory.clearTokenCache();
const factoryText: string = factory.toString();
const factoryDisposed: boolean = factory.disposed;
// @ts-expect-error MaaSClientFactory is only created by createFactories()
new MaaSClientFactory();
// @ts-expect-error isMock is read-only
factory.isMock = true;

const clientOptions: ClientOptions = {
  baseURL: 'https://maas.example.com/maas-api',
  token: identity.token.reveal(),
  timeout: 10_000,
  maxRetries: 1,
  headers: { 'X-Trace': 'abc' },
  fetch: customFetch,
};
// A SecretToken is taken as it is.
factory.createClient({ token: identity.token });
// @ts-expect-error the token is a string
factory.createClient({ token: 42 });
// @ts-expect-error headers are strings
factory.createClient({ headers: { 'X-Count': 1 } });
// @ts-expect-error MaaSClient is only created by a factory
new MaaSClient();

// ── MaaS client ────────────────────────────────────────────────────────────────────────────
const controller = new AbortController();
const callOptions: CallOptions = { signal: controller.signal, timeout: 5000, maxRetries: 0, headers: { 'X-A': 'b' } };
// @ts-expect-error timeout is a number of milliseconds
const badCall: CallOptions = { timeout: '5s' };

{
  using client = factory.createClient(clientOptions);
  assertType<typeof client, MaaSClient>(true);

  // models
  const listOptions: ListModelsOptions = { ...callOptions, subscription: 'premium-subscription' };
  const models = await client.listModels(listOptions);
  assertType<typeof models, MaaSModel[]>(true);
  await client.listModels();
  await client.listModels({ subscription: 'basic' });
  const model = models[0];
  if (model) {
    const id: string = model.id;
    const object: string = model.object;
    const created: number = model.created;
    const ownedBy: string = model.owned_by;
    const ready: boolean = model.ready;
    const url: string | undefined = model.url;
    const kind: string | undefined = model.kind;
    const details: MaaSModelDetails | undefined = model.modelDetails;
    const capabilities: string[] | undefined = details?.modelCapabilities;
    const detailTexts: (string | undefined)[] = [details?.displayName, details?.description, details?.genaiUseCase, details?.contextWindow];
    const subs: MaaSSubscriptionInfo[] | undefined = model.subscriptions;
    const sub = subs?.[0];
    const subTexts: (string | undefined)[] = [sub?.name, sub?.displayName, sub?.description];
    const extra: unknown = model['model_type']; // fields of newer servers
  }
  // @ts-expect-error subscription is a string
  await client.listModels({ subscription: 1 });

  // tokens
  const tokenRequest: TokenRequest = { expiration: '2h' };
  const token = await client.issueToken(tokenRequest, callOptions);
  assertType<typeof token, MaaSToken>(true);
  const tokenText: string = token.token;
  const expiresAt: number = token.expiresAt;
  await client.issueToken();
  const revoked = await client.revokeAllTokens(callOptions);
  assertType<typeof revoked, void>(true);
  // @ts-expect-error expiration is a Go duration string
  await client.issueToken({ expiration: 4 });

  const modelTokenRequest: ModelTokenRequest = { namespace: 'ns', username: 'alice', modelId: 'maas-model', expiration: '30m' };
  const modelToken = await client.getModelToken(modelTokenRequest);
  assertType<typeof modelToken, ModelToken>(true);
  const cached: boolean = modelToken.cached;
  const mtParts: [string, number] = [modelToken.token, modelToken.expiresAt];
  // @ts-expect-error modelId is required
  await client.getModelToken({ namespace: 'ns', username: 'alice' });
  // @ts-expect-error the request is required
  await client.getModelToken();

  // API keys
  const regular: CreateApiKeyRequest = { name: 'my-key', description: 'ci', expiresIn: '30d', subscription: 'premium' };
  const ephemeral: CreateApiKeyRequest = { ephemeral: true };
  const created = await client.createApiKey(regular, callOptions);
  assertType<typeof created, CreatedApiKey>(true);
  await client.createApiKey(ephemeral);
  const createdFields: [string, string, string, string, string, string, string, boolean] = [
    created.key, created.keyPrefix, created.id, created.name, created.subscription, created.createdAt, created.expiresAt, created.ephemeral,
  ];
  // @ts-expect-error a regular (non-ephemeral) key needs a name
  await client.createApiKey({ description: 'no name' });
  // @ts-expect-error ephemeral is a boolean
  await client.createApiKey({ name: 'k', ephemeral: 'yes' });

  const statuses: ApiKeyStatus[] = ['active', 'revoked', 'expired'];
  const sortBy: ApiKeySortField = 'last_used_at';
  const search: SearchApiKeysRequest = {
    username: 'alice',
    status: statuses,
    includeEphemeral: true,
    sortBy,
    sortOrder: 'asc',
    limit: 20,
    offset: 40,
  };
  const page = await client.searchApiKeys(search, callOptions);
  assertType<typeof page, ApiKeyPage>(true);
  const pageParts: [string, ApiKey[], boolean] = [page.object, page.data, page.has_more];
  await client.searchApiKeys();
  await client.searchApiKeys({ status: ['active'] as const });
  // @ts-expect-error unknown sortBy value
  await client.searchApiKeys({ sortBy: 'updated_at' });
  // @ts-expect-error unknown status
  await client.searchApiKeys({ status: ['deleted'] });
  // @ts-expect-error sortOrder is 'asc' or 'desc'
  await client.searchApiKeys({ sortOrder: 'up' });
  // @ts-expect-error the request is flat: no `filters`
  await client.searchApiKeys({ filters: { status: ['active'] } });

  const keys = client.listApiKeys({ status: ['active'], limit: 100 }, callOptions);
  assertType<typeof keys, AsyncGenerator<ApiKey, void, undefined>>(true);
  for await (const key of client.listApiKeys()) {
    const k: ApiKey = key;
    const fields: [string, string, string, ApiKeyStatus, boolean] = [k.id, k.name, k.creationDate, k.status, k.ephemeral];
    const optional: [string | undefined, string | undefined, string | undefined, string[] | undefined, string | undefined, string | undefined] = [
      k.description, k.username, k.subscription, k.groups, k.expirationDate, k.lastUsedAt,
    ];
    // @ts-expect-error no such field
    k.nmae;
    break;
  }

  const one = await client.getApiKey(created.id, callOptions);
  assertType<typeof one, ApiKey>(true);
  const gone = await client.revokeApiKey(created.id);
  assertType<typeof gone, ApiKey>(true);
  // @ts-expect-error the id is a string
  await client.getApiKey(123);

  const bulkByUser: BulkRevokeRequest = { username: 'alice', dryRun: true };
  const bulkBySub: BulkRevokeRequest = { subscription: 'premium' };
  const bulkBoth: BulkRevokeRequest = { username: 'bob', subscription: 'premium' };
  const bulk = await client.bulkRevokeApiKeys(bulkByUser, callOptions);
  assertType<typeof bulk, BulkRevokeResult>(true);
  await client.bulkRevokeApiKeys(bulkBySub);
  await client.bulkRevokeApiKeys(bulkBoth);
  const bulkParts: [number, string | undefined, boolean | undefined] = [bulk.revokedCount, bulk.message, bulk.dryRun];
  // @ts-expect-error needs a username or a subscription
  await client.bulkRevokeApiKeys({ dryRun: true });

  const keyConfig = await client.getApiKeyConfig(callOptions);
  assertType<typeof keyConfig, ApiKeyConfig>(true);
  const limits: [number, string] = [keyConfig.max_expiration_days, keyConfig.ephemeral_max_expiration];

  // subscriptions, tenants, health
  const subscriptions = await client.listSubscriptions(callOptions);
  assertType<typeof subscriptions, Subscription[]>(true);
  const forModel = await client.listModelSubscriptions('facebook-opt-125m-simulated', callOptions);
  assertType<typeof forModel, Subscription[]>(true);
  for (const s of subscriptions) {
    const required: [string, number, ModelRefInfo[]] = [s.subscription_id_header, s.priority, s.model_refs];
    const optional: (string | undefined)[] = [s.subscription_description, s.display_name, s.organization_id, s.cost_center];
    const labels: Record<string, string> | undefined = s.labels;
    for (const ref of s.model_refs) {
      const name: string = ref.name;
      const source: 'internal' | 'external' | undefined = ref.source;
      const texts: (string | undefined)[] = [ref.display_name, ref.description, ref.billing_rate?.per_token];
      const rate: TokenRateLimit | undefined = ref.token_rate_limits?.[0];
      const rateParts: [number, string] | undefined = rate && [rate.limit, rate.window];
    }
  }
  await client.listModels({ subscription: subscriptions[0]?.subscription_id_header });
  // @ts-expect-error the model reference is required
  await client.listModelSubscriptions();

  const tenants = await client.getTenants(callOptions);
  assertType<typeof tenants, TenantsResponse>(true);
  const tenant: TenantInfo | undefined = tenants.tenants[0];
  const gateway: GatewayMetadata | undefined = tenant?.gateway;
  if (tenant && gateway) {
    const parts: [string, string, string, 'http' | 'https', string, number] = [
      tenant.name, gateway.name, gateway.namespace, gateway.protocol, gateway.externalUrl, gateway.port,
    ];
  }
  const health = await client.health();
  assertType<typeof health, HealthResponse>(true);
  const status: string = health.status;

  // printing, disposal
  const clientText: string = client.toString();
  const clientJson: { client: 'MaaSClient' } = client.toJSON();
  const clientDisposed: boolean = client.disposed;
  // @ts-expect-error disposed is read-only
  client.disposed = true;
  // @ts-expect-error no such method
  await client.listModel();
  // @ts-expect-error no such method (revokeAllTokens is the name)
  await client.revokeTokens();
}

const manual = factory.createClient();
manual.dispose();
manual[Symbol.dispose]();
factory.dispose();
factory[Symbol.dispose]();
{
  using scoped = genai.createFactories({ maas: { mock: true } }).maas;
  // `using` accepts null/undefined; `scoped` is MaaSClientFactory | undefined.
  scoped?.createClient().dispose();
}

// ── errors ─────────────────────────────────────────────────────────────────────────────────
const fields: GenAIErrorFields = {
  code: 'SERVER_UNAVAILABLE',
  status: 500,
  mappedStatus: 503,
  service: 'maas',
  operation: 'listModels',
  serverMessage: 'boom',
  serverType: 'server_error',
  requestId: 'req-1',
  retryAfter: 2,
};
const base = new GenAIError('failed', fields);
const code: GenAIErrorCode = base.code;
const httpCode: GenAIErrorCode = 'HTTP_418';
const optionalFields: [number | undefined, number | undefined, string | undefined, string | undefined, string | undefined, string | undefined, string | undefined, number | undefined] = [
  base.status, base.mappedStatus, base.service, base.operation, base.serverMessage, base.serverType, base.requestId, base.retryAfter,
];
const asError: Error = base;
const errorName: string = base.name;
const subclasses: GenAIError[] = [
  new ValidationError('bad request', { code: 'INVALID_REQUEST', service: 'maas', operation: 'createApiKey' }),
  new BadRequestError('400'),
  new AuthenticationError('401'),
  new PermissionDeniedError('403'),
  new NotFoundError('404'),
  new ConflictError('409'),
  new RateLimitError('429', { retryAfter: 1.5 }),
  new ServerError('503'),
  new APIError('418'),
  new ConnectionError('offline', { code: 'CONNECTION_FAILED', mappedStatus: 503 }),
  new TimeoutError('slow', { code: 'TIMEOUT' }),
  new AbortError('aborted', { code: 'ABORTED' }),
  new ProtocolError('bad json', { code: 'INVALID_RESPONSE' }),
];
const errorName2: GenAIErrorName = 'RateLimitError';
const descriptor: ErrorDescriptor = { name: errorName2, message: 'slow down', code: 'HTTP_429', status: 429, retryAfter: 3 };
const rebuilt: GenAIError = makeError(descriptor);
const fromErrorsNs: GenAIError = genai.errors.makeError({ name: 'Whatever', message: 'x' });
// @ts-expect-error a descriptor needs a name
makeError({ message: 'x' });
// @ts-expect-error fields are typed
new GenAIError('x', { status: '500' });
// @ts-expect-error code is read-only
base.code = 'OTHER';

try {
  await factory.createClient().listModels();
} catch (error) {
  if (error instanceof RateLimitError) {
    const wait: number | undefined = error.retryAfter;
  } else if (error instanceof genai.errors.NotFoundError) {
    const requestId: string | undefined = error.requestId;
  } else if (error instanceof GenAIError) {
    const c: GenAIErrorCode = error.code;
    const s: number | undefined = error.status;
  }
}

export {};

// Record and replay.
import type { Recording } from 'genai-clients';
{
  const recorder = genai.createFactories({ maas: { baseURL: 'https://maas.example.com', record: true } }).maas;
  const recording: Recording | null = recorder.exportRecording();
  if (recording) {
    const first: number | undefined = recording.entries[0]?.response.status;
    void first;
    const replayer = genai.createFactories({ maas: { replay: recording } }).maas;
    void replayer.createClient().listModels();
  }
  // @ts-expect-error a replay is a recording or its JSON text
  genai.createFactories({ maas: { replay: 42 } });
}
