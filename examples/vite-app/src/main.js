// The package used exactly as an app would: imported by name, bundled by Vite, which finds
// genai_core.wasm on its own (the package loads it with `new URL(…, import.meta.url)`).
import { loadGenAI } from 'genai-clients';

const $ = (id) => document.getElementById(id);

function showError(e) {
  const box = $('error');
  box.hidden = false;
  box.textContent = `${e?.name ?? 'Error'}: ${e?.message ?? String(e)}`;
}

async function main() {
  const genai = await loadGenAI();
  const { maas } = genai.createFactories({ maas: { mock: true } });
  const client = maas.createClient({ token: 'demo-token' });
  try {
    const models = await client.listModels();
    $('models').replaceChildren(...models.map((model) => {
      const li = document.createElement('li');
      li.dataset.model = model.id;
      li.textContent = `${model.id}${model.ready ? '' : ' (not ready)'}`;
      return li;
    }));
    const created = await client.createApiKey({ name: 'vite-app', expiresIn: '30d' });
    $('key').textContent = created.key;
    $('status').textContent = `SDK loaded; ${models.length} models; wasm heap ${genai.wasmHeapBytes} bytes`;
  } finally {
    client.dispose();
    maas.dispose();
  }
}

main()
  .catch((e) => {
    $('status').textContent = 'Failed';
    showError(e);
  })
  .finally(() => { document.body.dataset.ready = 'true'; });
