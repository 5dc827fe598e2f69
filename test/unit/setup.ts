import nodeConsole from 'node:console';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts from an empty extension: no storage, no listeners left over.
beforeEach(() => {
  fakeBrowser.reset();
});

// happy-dom never loads a frame's page in Node, and reports each frame a test mounts with a stack trace
// on Node's own console (it took that console before Vitest's). Expected here, so a passing run stays
// quiet; anything else still prints.
const printError = nodeConsole.error.bind(nodeConsole);
nodeConsole.error = (...values: unknown[]) => {
  const [first] = values;
  const expected =
    first instanceof Error &&
    first.name === 'NotSupportedError' &&
    first.message.endsWith('Iframe page loading is disabled.');
  if (!expected) printError(...values);
};
