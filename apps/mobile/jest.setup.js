// See jest.environment.js: the api-client uses Node's fetch in tests, as it would a platform fetch.
for (const [name, value] of Object.entries(globalThis.__nodeWebGlobals)) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true, enumerable: false });
}
