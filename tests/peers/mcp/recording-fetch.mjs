// A fetch that records every request (method, URL, headers, body) and every response status, and
// notes when a response body is cancelled by its reader (a long-lived SSE GET being closed).
export function recordingFetch(inner = fetch) {
  const calls = [];
  const fn = async (url, init = {}) => {
    const headers = Object.fromEntries(new Headers(init.headers ?? {}).entries());
    let body = init.body;
    if (body instanceof Uint8Array || body instanceof ArrayBuffer) body = new TextDecoder().decode(body);
    const entry = { url: String(url), method: init.method ?? 'GET', headers, body: body ?? '', status: 0, cancelled: false, json: null };
    try { entry.json = body ? JSON.parse(body) : null; } catch { /* not JSON */ }
    calls.push(entry);
    const res = await inner(url, init);
    entry.status = res.status;
    if (!res.body) return res;
    const reader = res.body.getReader();
    const watched = new ReadableStream({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close(); else controller.enqueue(value);
        } catch (e) { controller.error(e); }
      },
      cancel(reason) { entry.cancelled = true; return reader.cancel(reason); },
    });
    return new Response(watched, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  fn.calls = calls;
  /** JSON-RPC methods of the POSTs so far. */
  fn.methods = () => calls.filter((c) => c.method === 'POST' && c.json).map((c) => c.json.method ?? '(reply)');
  return fn;
}
