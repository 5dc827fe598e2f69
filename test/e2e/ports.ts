/**
 * The demo site's port for e2e runs, apart from `npm start`'s so both can run
 * at once. `E2E_DEMO_PORT` moves it, so two checkouts can run their suites side by side.
 */
export const E2E_DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 8766);
