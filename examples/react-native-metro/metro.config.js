// React Native's own Metro defaults (its resolver conditions, its Babel transformer), unchanged:
// the packages have to resolve as any React Native app resolves them.
const { getDefaultConfig } = require('@react-native/metro-config');

module.exports = getDefaultConfig(__dirname);
