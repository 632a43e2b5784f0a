// What every service factory hands its native constructor: how it reaches the service.
//   mock: bundled fixtures · fetch: the fetch of Real clients · record: keep every exchange
//   (exportRecording()) · replay: answer from a recording made that way.

/** The native factory's configuration object. */
export function nativeFactoryConfig(config = {}) {
  return {
    mock: !!config.mock,
    fetch: config.fetch,
    record: !!config.record,
    replay: config.replay ? (typeof config.replay === 'string' ? config.replay : JSON.stringify(config.replay)) : undefined,
  };
}

/** A token given as a string or as a SecretToken (from extractRequestIdentity). */
export function tokenText(token) {
  if (token === undefined || token === null) return '';
  return typeof token.reveal === 'function' ? String(token.reveal()) : String(token);
}
