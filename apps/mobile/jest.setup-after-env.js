const { configure } = require('@testing-library/react-native');

// Screens wait on real HTTP round trips to a server on loopback; on a busy shared two-core machine one
// can take seconds. Waits end as soon as the element appears, so this costs nothing when it is quick.
configure({ asyncUtilTimeout: 15_000 });
