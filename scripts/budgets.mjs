// The overlay script runs in every page of every site in use: `npm test` fails and `npm run bench`
// misses a budget when it grows past this.
export const CONTENT_SCRIPT_BUDGET_BYTES = 10 * 1024;
