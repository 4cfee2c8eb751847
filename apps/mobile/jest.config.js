const path = require('node:path');
const expoPreset = require('jest-expo/jest-preset');

// Metro bundles our packages from their ES module entry (the `import` condition); Jest's React Native
// environment would pick the CommonJS one, whose `require('ky')` does not survive Babel's interop with
// ky's ES module build. Point Jest at the same entry Metro uses.
function moduleEntry(name) {
  const manifest = require(`${name}/package.json`);
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), manifest.exports['.'].import.default);
}

/** @type {import('jest').Config} */
module.exports = {
  preset: 'jest-expo',
  testEnvironment: '<rootDir>/jest.environment.js',
  setupFiles: ['<rootDir>/jest.setup.js'],
  setupFilesAfterEnv: ['<rootDir>/jest.setup-after-env.js'],
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  moduleNameMapper: {
    '^@ielts-genai-prep/api-client$': moduleEntry('@ielts-genai-prep/api-client'),
    '^@ielts-genai-prep/core$': moduleEntry('@ielts-genai-prep/core'),
  },
  // The preset's list of ES module packages to compile, plus ky (the api-client's HTTP layer).
  transformIgnorePatterns: expoPreset.transformIgnorePatterns.map((pattern, index) =>
    index === 0 ? pattern.replace('(?!(', '(?!(ky/|') : pattern,
  ),
  // Longer than the 5 s that findBy* waits, so a missing element is reported as such, not as a timeout.
  testTimeout: 20_000,
  // Two workers: the machine has two cores.
  maxWorkers: 2,
};
