const { configure } = require('@testing-library/react-native');

// Screens wait on real HTTP round trips; on a busy two-core machine 1 s is too tight.
configure({ asyncUtilTimeout: 5000 });
