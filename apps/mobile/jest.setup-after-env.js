const { configure } = require('@testing-library/react-native');

// Screens wait on real HTTP round trips to a server on loopback; on a busy shared two-core machine one
// can take seconds. Waits end as soon as the element appears, so this costs nothing when it is quick.
configure({ asyncUtilTimeout: 15_000 });

// The fakes of the native modules (see jest.config.js, and fake-linking.ts for React Native's Linking) start each test empty.
const { resetFakeSpeech } = require('./src/test-support/fake-expo-speech');
const { resetFakeRecognition } = require('./src/test-support/fake-expo-speech-recognition');
const { resetFakeAudio } = require('./src/test-support/fake-expo-audio');
const { resetFakeFiles } = require('./src/test-support/fake-expo-file-system');
const { resetFakeLinking } = require('./src/test-support/fake-linking');
const { PHONE, setScreenSize } = require('./src/test-support/screen-size');

beforeEach(() => {
  resetFakeSpeech();
  resetFakeRecognition();
  resetFakeAudio();
  resetFakeFiles();
  resetFakeLinking();
  setScreenSize(PHONE);
});

// react-query tells screens of new data on a zero-delay timer; a test that fakes the timers would have
// to tick once more after every answer. A promise's turn (which Jest's fake timers leave alone) is just
// as late for React and needs no tick.
const { notifyManager } = require('@tanstack/react-query');
notifyManager.setScheduler((callback) => void Promise.resolve().then(callback));
