import { cleanup } from '@testing-library/react';
import { notifyManager } from '@tanstack/react-query';
import { afterEach } from 'vitest';

// Testing Library unmounts between tests only when test globals are on; they are off here.
afterEach(() => cleanup());

// react-query tells components of new data on a zero-delay timer; tests that fake the timers would
// have to tick once more after every answer. A microtask is just as late for React and needs no tick.
notifyManager.setScheduler(queueMicrotask);
