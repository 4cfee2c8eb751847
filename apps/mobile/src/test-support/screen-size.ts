// The device's screen. React Native's Jest preset reports a 750 × 1334 window, a tablet's width in
// density-independent pixels; the tests run as a phone unless they ask for a tablet. Dimensions.set
// is how React Native itself reports a change (a rotation, a split-screen), so screens that
// follow useWindowDimensions see it.
import { act } from '@testing-library/react-native';
import { Dimensions } from 'react-native';

/** A phone in portrait (as TEST_SAFE_AREA in render-app.tsx). */
export const PHONE = { width: 390, height: 844 };
/** A tablet in landscape. */
export const TABLET = { width: 1180, height: 820 };

/** Sets the window and screen to `size` (inside act when something is rendered). */
export function setScreenSize(size: { width: number; height: number }): void {
  const metrics = { ...size, scale: 3, fontScale: 1 };
  act(() => {
    (Dimensions as unknown as { set: (dimensions: { window: typeof metrics; screen: typeof metrics }) => void }).set({
      window: metrics,
      screen: metrics,
    });
  });
}
