// React Native's preset, plus the namespace re-export zod 4 ships (`export * as core`), which the
// preset does not transform; Expo's preset does. https://github.com/colinhacks/zod/issues/4741
module.exports = {
  presets: ['module:@react-native/babel-preset'],
  plugins: ['@babel/plugin-transform-export-namespace-from'],
};
