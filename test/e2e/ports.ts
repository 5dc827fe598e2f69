/** The demo site's port for e2e runs, apart from `npm start`'s so both can run at once. */
export const E2E_DEMO_PORT = 8766;
