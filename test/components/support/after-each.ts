import { cleanup } from '@testing-library/react';
import { setTransport } from '@/services/api';
import { sessionStore } from '@/services/session';
import { resetTaro } from './taro';

// Every test starts with no transport override, no known user and a fresh Taro double.
// Unmount first: a page still mounted would react to the session reset by fetching again.
afterEach(() => {
  cleanup();
  setTransport(null);
  sessionStore.reset();
  resetTaro();
  process.env.TARO_ENV = 'h5';
});
