import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts from an empty extension: no storage, no listeners left over.
beforeEach(() => {
  fakeBrowser.reset();
});
