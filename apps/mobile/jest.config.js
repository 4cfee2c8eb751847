const path = require('node:path');
const expoPreset = require('jest-expo/jest-preset');

// Metro bundles our packages from their ES module entry (the `import` condition); Jest's React Native
// environment would pick the CommonJS one, whose `require('ky')` does not survive Babel's interop with
// ky's ES module build. Point Jest at the same entry Metro uses.
function moduleEntry(name, subpath = '.') {
  const manifest = require(`${name}/package.json`);
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), manifest.exports[subpath].import.default);
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
    '^@ielts-genai-prep/app-kit$': moduleEntry('@ielts-genai-prep/app-kit'),
    '^@ielts-genai-prep/app-kit/testing$': moduleEntry('@ielts-genai-prep/app-kit', './testing'),
    '^@ielts-genai-prep/app-kit/react$': moduleEntry('@ielts-genai-prep/app-kit', './react'),
    // Native modules that need a device (a voice, a microphone, a speech recogniser, the files
    // recordings are written to): small fakes at the package boundary, which tests drive and read.
    '^expo-speech$': '<rootDir>/src/test-support/fake-expo-speech.ts',
    '^expo-speech-recognition$': '<rootDir>/src/test-support/fake-expo-speech-recognition.ts',
    '^expo-audio$': '<rootDir>/src/test-support/fake-expo-audio.ts',
    '^expo-file-system$': '<rootDir>/src/test-support/fake-expo-file-system.ts',
  },
  // The preset's list of ES module packages to compile, plus ky (the api-client's HTTP layer).
  transformIgnorePatterns: expoPreset.transformIgnorePatterns.map((pattern, index) =>
    index === 0 ? pattern.replace('(?!(', '(?!(ky/|') : pattern,
  ),
  // The flow tests make dozens of real HTTP round trips to a server on loopback; on a busy shared machine
  // that can take far longer than usual. Well above the 15 s that findBy* waits (jest.setup-after-env.js),
  // so a missing element is reported as such, not as a test timeout.
  testTimeout: 90_000,
  // Two workers: the machine has two cores.
  maxWorkers: 2,
};
