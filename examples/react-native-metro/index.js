// The app's entry, as `react-native init` writes it: Metro starts the bundle here.
import { AppRegistry } from 'react-native';
import { App } from './App';

AppRegistry.registerComponent('IeltsExample', () => App);
