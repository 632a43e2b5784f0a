// Type-level test of web/llamastack.d.ts: uses every LlamaStack export with correct types, and
// proves misuse is rejected (`@ts-expect-error` fails the build if the line below it type-checks).
// Only checked by `node_modules/.bin/tsc -p tests/types/tsconfig.json`, never run.
import { loadGenAI, LlamaStackClient, LlamaStackClientFactory, ResponseStream, EventStream, GenAIError } from 'genai-clients';
import type {
  LlamaStackServiceConfig,
  LlamaStackClientOptions,
  CreateResponseRequest,
  ResponseStreamEvent,
  FinalResponse,
  FileUploadResult,
  FileContent,
  VectorStore,
  VectorStoreFile,
  FileObject,
  LlamaStackModel,
  LlamaStackResponse,
  ChunkingStrategy,
  InputPart,
} from 'genai-clients';

async function usage(): Promise<void> {
  const genai = await loadGenAI();
  const config: LlamaStackServiceConfig = { mock: true, streamDelayMs: 0, apiPath: '/v1', providerDataHeader: 'x-ogx-provider-data' };
  const { llamaStack } = genai.createFactories({ llamaStack: config });
  const factory: LlamaStackClientFactory = llamaStack;
  const isMock: boolean = factory.isMock;
  void isMock;

  const options: LlamaStackClientOptions = { baseURL: 'https://lsd.example.com', token: 't', apiPath: '/v1/openai/v1', timeout: 30000 };
  const ls: LlamaStackClient = factory.createClient(options);
  const signal = new AbortController().signal;

  const models: LlamaStackModel[] = await ls.listModels({ signal, maxRetries: 1 });
  const modelId: string = models[0]!.id;
  const stores: VectorStore[] = await ls.listVectorStores({ limit: 50, order: 'desc' });
  const store: VectorStore = await ls.createVectorStore({ name: 'docs', metadata: { team: 'ai' }, embeddingDimension: 384 });
  void stores;
  const chunking: ChunkingStrategy = { type: 'static', static: { maxChunkSizeTokens: 800, chunkOverlapTokens: 400 } };
  const uploaded: FileUploadResult = await ls.uploadFile({
    file: new Blob(['text']), filename: 'a.txt', purpose: 'assistants', vectorStoreId: store.id, chunkingStrategy: chunking,
  });
  await ls.uploadFile({ file: new Uint8Array([1, 2]), filename: 'b.bin' });
  await ls.uploadFile({ file: 'plain text', filename: 'c.txt', onUploaded: (file) => console.log(file.id, file.bytes) });
  const vsFile: VectorStoreFile | undefined = uploaded.vector_store_file;
  void vsFile;
  const files: FileObject[] = await ls.listFiles({ limit: 100, purpose: 'batch' });
  void files;
  const file: FileObject = await ls.getFile(uploaded.file_id);
  const content: FileContent = await ls.getFileContent(file.id);
  const bytes: Uint8Array = content.bytes;
  void bytes;
  await ls.listVectorStoreFiles(store.id, { filter: 'completed' });
  await ls.getVectorStoreFile(store.id, file.id);
  await ls.deleteVectorStoreFile(store.id, file.id);
  await ls.deleteFile(file.id);
  await ls.deleteVectorStore(store.id);

  const parts: InputPart[] = [{ type: 'input_text', text: 'What is this?' }, { type: 'input_image', fileId: 'file-0a1b' }];
  const request: CreateResponseRequest = {
    model: modelId, input: parts, temperature: 0.2, topP: 0.9, vectorStoreIds: [store.id], store: false,
    mcpServers: [{ serverLabel: 'github', serverUrl: 'https://mcp.example/github', allowedTools: [] }],
    providerData: { vllm_api_token: 'x' },
  };
  const response: LlamaStackResponse = await ls.createResponse(request);
  await ls.getResponse(response.id);

  const stream: ResponseStream = ls.createResponseStream({ model: modelId, input: 'Hi' }, { signal });
  for await (const event of stream) {
    const e: ResponseStreamEvent = event;
    if (e.type === 'response.output_text.delta') {
      const delta: string = e.delta as string;
      void delta;
    }
  }
  const text: string = stream.outputText;
  void text;
  const final: FinalResponse = await stream.finalResponse();
  const outputText: string = final.output_text;
  void outputText;
  const raw: EventStream<ResponseStreamEvent> = ls.createResponseStreamRaw({ model: modelId, input: 'Hi', stream: true });
  await raw.return();
  const finished: { error?: Error } = await raw.whenFinished();
  void finished;

  try {
    await ls.listModels();
  } catch (e) {
    if (e instanceof GenAIError && e.code === 'UNAUTHORIZED') console.log(e.component, e.mappedStatus);
  }
  ls.dispose();
  factory.dispose();

  // @ts-expect-error model is required
  await ls.createResponse({ input: 'hi' });
  // @ts-expect-error topP, not top_p
  await ls.createResponse({ input: 'hi', model: 'm', top_p: 1 });
  // @ts-expect-error a static strategy needs its sizes
  await ls.uploadFile({ file: 'x', filename: 'x', chunkingStrategy: { type: 'static' } });
  // @ts-expect-error purpose is one of the OpenAI purposes
  await ls.listFiles({ purpose: 'training' });
  // @ts-expect-error streams are not promises of a response
  const wrong: LlamaStackResponse = ls.createResponseStream({ model: 'm', input: 'x' });
  void wrong;
  // @ts-expect-error clients are created by a factory
  new LlamaStackClient();
}
void usage;
