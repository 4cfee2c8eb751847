// React Native's preset environment, keeping Node's own fetch family aside before the preset's setup
// replaces them (React Native installs an XMLHttpRequest polyfill and Expo its native `expo/fetch`,
// neither of which can reach a real socket under Jest). jest.setup.js puts them back, so the
// api-client talks to a real HTTP server on 127.0.0.1 in the tests.
const { testEnvironment } = require('jest-expo/jest-preset');
const ReactNativeEnvironment = require(testEnvironment);

const NODE_WEB_GLOBALS = ['fetch', 'Request', 'Response', 'Headers', 'AbortController', 'AbortSignal', 'URL', 'URLSearchParams'];

module.exports = class NodeFetchEnvironment extends ReactNativeEnvironment {
  constructor(config, context) {
    super(config, context);
    const saved = {};
    for (const name of NODE_WEB_GLOBALS) saved[name] = this.global[name];
    this.global.__nodeWebGlobals = saved;
  }
};
