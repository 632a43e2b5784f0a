// A small stateful loopback server for the OpenAI-style vector-store and file endpoints that
// aimock lacks (Prism's static example cannot stand in: its store list says `has_more: true`
// with the same cursor forever, which the SDK rightly rejects). Stores are created, listed and
// deleted; an uploaded file attached to a store is `in_progress` until its status is read once,
// then `completed`, so a client that polls sees indexing finish. No CORS of its own: put
// tests/peers/cors/proxy.mjs in front of it for a browser.
import { startServer } from '../../node/helpers/peers.mjs';

export async function startVectorStoreServer() {
  const stores = new Map();
  const files = new Map();
  const attached = new Map();   // `${store}/${file}` → vector_store.file
  let next = 1;
  const now = () => Math.floor(Date.now() / 1000);
  const json = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
  const notFound = (res, what) => json(res, 404, { error: { message: `${what} not found`, type: 'not_found' } });

  const server = await startServer((req, res, body) => {
    const { pathname } = new URL(req.url, 'http://x');
    let m;
    if (req.method === 'GET' && pathname === '/v1/vector_stores') {
      const data = [...stores.values()].reverse();
      return json(res, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
    }
    if (req.method === 'POST' && pathname === '/v1/vector_stores') {
      const { name, metadata } = JSON.parse(body || '{}');
      const store = { id: `vs_${next++}`, object: 'vector_store', created_at: now(), name, usage_bytes: 0, status: 'completed', metadata: metadata ?? {},
        file_counts: { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 } };
      stores.set(store.id, store);
      return json(res, 200, store);
    }
    if ((m = /^\/v1\/vector_stores\/([^/]+)$/.exec(pathname)) && req.method === 'DELETE') {
      if (!stores.delete(m[1])) return notFound(res, m[1]);
      return json(res, 200, { id: m[1], object: 'vector_store.deleted', deleted: true });
    }
    if (req.method === 'POST' && pathname === '/v1/files') {
      const filename = /filename="([^"]+)"/.exec(body)?.[1] ?? 'upload';
      const file = { id: `file-${String(next++).padStart(8, '0')}`, object: 'file', bytes: body.length, created_at: now(), filename, purpose: 'assistants' };
      files.set(file.id, file);
      return json(res, 200, file);
    }
    if ((m = /^\/v1\/vector_stores\/([^/]+)\/files$/.exec(pathname)) && req.method === 'POST') {
      const store = stores.get(m[1]);
      const { file_id: fileId } = JSON.parse(body || '{}');
      if (!store || !files.has(fileId)) return notFound(res, store ? fileId : m[1]);
      const vsFile = { id: fileId, object: 'vector_store.file', created_at: now(), vector_store_id: store.id, status: 'in_progress', usage_bytes: 0,
        last_error: null, attributes: {}, chunking_strategy: { type: 'auto' } };
      attached.set(`${store.id}/${fileId}`, vsFile);
      store.file_counts.in_progress += 1;
      store.file_counts.total += 1;
      return json(res, 200, vsFile);
    }
    if ((m = /^\/v1\/vector_stores\/([^/]+)\/files\/([^/]+)$/.exec(pathname)) && req.method === 'GET') {
      const vsFile = attached.get(`${m[1]}/${m[2]}`);
      if (!vsFile) return notFound(res, m[2]);
      const answer = { ...vsFile };
      if (vsFile.status === 'in_progress') {   // indexing ends once it has been seen in progress
        vsFile.status = 'completed';
        const counts = stores.get(m[1])?.file_counts;
        if (counts) { counts.in_progress -= 1; counts.completed += 1; }
      }
      return json(res, 200, answer);
    }
    return notFound(res, `${req.method} ${pathname}`);
  });
  return { url: server.url, requests: server.requests, stores, stop: () => server.stop() };
}
