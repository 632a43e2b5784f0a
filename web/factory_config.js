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
