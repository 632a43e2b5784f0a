// JS side of the promise <-> coroutine bridge and of FetchTransport. Linked with --js-library.
// Each function is small and only moves values across the boundary; the logic stays in C++.
mergeInto(LibraryManager.library, {
  // Resumes the C++ awaiter when the promise settles.
  genai_then__deps: ['$Emval'],
  genai_then: function (promiseHandle, awaiter) {
    var p = Emval.toValue(promiseHandle);
    Promise.resolve(p).then(
      function (v) { Module['_genai_resume'](awaiter, Emval.toHandle(v), 0); },
      function (e) { Module['_genai_resume'](awaiter, Emval.toHandle(e), 1); });
  },

  // A promise with its resolve and reject, for handing a C++ Task to JS.
  genai_deferred__deps: ['$Emval'],
  genai_deferred: function () {
    var d = {};
    d.promise = new Promise(function (resolve, reject) { d.resolve = resolve; d.reject = reject; });
    return Emval.toHandle(d);
  },

  // JSON text in wasm memory -> JS value, in one crossing.
  genai_json_parse__deps: ['$Emval'],
  genai_json_parse: function (ptr, len) {
    return Emval.toHandle(JSON.parse(UTF8ToString(ptr, len)));
  },

  // The same, then the named top-level member ('' for the whole value).
  genai_json_parse_member__deps: ['$Emval'],
  genai_json_parse_member: function (ptr, len, memberPtr) {
    var value = JSON.parse(UTF8ToString(ptr, len));
    var member = UTF8ToString(memberPtr);
    return Emval.toHandle(member ? value[member] : value);
  },

  // An error descriptor (JSON) -> the JS Error subclass the facade registered.
  genai_make_error__deps: ['$Emval'],
  genai_make_error: function (ptr, len) {
    var d = JSON.parse(UTF8ToString(ptr, len));
    var make = Module['genaiMakeError'];
    var e = make ? make(d) : Object.assign(new Error(d.message), d);
    return Emval.toHandle(e);
  },

  // Starts a fetch. Resolves to {status, statusText, headers: 'name\nvalue\n...', state};
  // rejects with {kind: 'abort' | 'timeout' | 'network', message}. `state` follows the body
  // through genai_read / genai_read_all / genai_cancel so an abort or a timeout during the body
  // is told apart from a network failure.
  genai_fetch__deps: ['$Emval'],
  genai_fetch: function (fetchHandle, urlPtr, methodPtr, headersJsonPtr, bodyPtr, bodyLen, hasBody,
                         signalHandle, timeoutMs, streaming) {
    var fetchFn = Emval.toValue(fetchHandle);
    var userSignal = Emval.toValue(signalHandle);
    var url = UTF8ToString(urlPtr);
    var init = { method: UTF8ToString(methodPtr), headers: JSON.parse(UTF8ToString(headersJsonPtr)) };
    if (hasBody) init.body = HEAPU8.slice(bodyPtr, bodyPtr + bodyLen);
    var ctrl = new AbortController();
    var state = { ctrl: ctrl, timer: 0, timedOut: false, userSignal: userSignal, onAbort: null,
                  reader: null, response: null, done: false };
    state.finish = function () {
      if (state.done) return;
      state.done = true;
      if (state.timer) clearTimeout(state.timer);
      if (state.onAbort && userSignal) userSignal.removeEventListener('abort', state.onAbort);
    };
    state.classify = function (e) {
      var kind = state.timedOut ? 'timeout' : (userSignal && userSignal.aborted) ? 'abort' : 'network';
      var cause = e && e.cause ? (e.cause.code || e.cause.message || '') : '';
      var text = kind === 'timeout' ? 'the request timed out after ' + timeoutMs + ' ms'
        : kind === 'abort' ? 'the request was aborted'
        : 'failed to connect: ' + ((e && e.message) || String(e)) + (cause ? ' (' + cause + ')' : '');
      state.finish();
      return { kind: kind, message: text };
    };
    if (userSignal) {
      if (userSignal.aborted) return Emval.toHandle(Promise.reject({ kind: 'abort', message: 'the request was aborted' }));
      state.onAbort = function () { ctrl.abort(); };
      userSignal.addEventListener('abort', state.onAbort);
    }
    if (timeoutMs > 0) state.timer = setTimeout(function () { state.timedOut = true; ctrl.abort(); }, timeoutMs);
    init.signal = ctrl.signal;
    var p;
    try { p = Promise.resolve(fetchFn(url, init)); } catch (e) { p = Promise.reject(e); }
    return Emval.toHandle(p.then(function (res) {
      if (streaming && state.timer) { clearTimeout(state.timer); state.timer = 0; }
      state.response = res;
      var headers = '';
      res.headers.forEach(function (value, name) { headers += name + '\n' + value + '\n'; });
      return { status: res.status, statusText: res.statusText || '', headers: headers, state: state };
    }, function (e) { throw state.classify(e); }));
  },

  // Next chunk of the body: resolves to a Uint8Array, or null at the end.
  genai_read__deps: ['$Emval'],
  genai_read: function (stateHandle) {
    var state = Emval.toValue(stateHandle);
    var res = state.response;
    if (!res.body) { state.finish(); return Emval.toHandle(Promise.resolve(null)); }
    if (!state.reader) state.reader = res.body.getReader();
    return Emval.toHandle(state.reader.read().then(function (r) {
      if (r.done) { state.finish(); return null; }
      return r.value;
    }, function (e) { throw state.classify(e); }));
  },

  // The whole (remaining) body as a Uint8Array.
  genai_read_all__deps: ['$Emval'],
  genai_read_all: function (stateHandle) {
    var state = Emval.toValue(stateHandle);
    return Emval.toHandle(state.response.arrayBuffer().then(function (b) {
      state.finish();
      return new Uint8Array(b);
    }, function (e) { throw state.classify(e); }));
  },

  genai_cancel__deps: ['$Emval'],
  genai_cancel: function (stateHandle) {
    var state = Emval.toValue(stateHandle);
    if (state.done) return;
    state.finish();
    try {
      if (state.reader) state.reader.cancel().catch(function () {});
      else if (state.response && state.response.body) state.response.body.cancel().catch(function () {});
    } catch (e) { /* already closed */ }
    state.ctrl.abort();
  },

  // An AbortController that also aborts when `parent` (an AbortSignal or undefined) does.
  genai_abort_controller__deps: ['$Emval'],
  genai_abort_controller: function (parentHandle) {
    var parent = Emval.toValue(parentHandle);
    var controller = new AbortController();
    if (parent) {
      if (parent.aborted) controller.abort();
      else parent.addEventListener('abort', function () { controller.abort(); }, { once: true });
    }
    return Emval.toHandle(controller);
  },

  // Resolves after ms; rejects with {kind: 'abort'} when the signal fires first.
  genai_sleep__deps: ['$Emval'],
  genai_sleep: function (ms, signalHandle) {
    var signal = Emval.toValue(signalHandle);
    return Emval.toHandle(new Promise(function (resolve, reject) {
      if (signal && signal.aborted) { reject({ kind: 'abort', message: 'the request was aborted' }); return; }
      var onAbort;
      var timer = setTimeout(function () {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve(null);
      }, ms);
      if (signal) {
        onAbort = function () { clearTimeout(timer); reject({ kind: 'abort', message: 'the request was aborted' }); };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    }));
  },
});
