/**
 * The zod every schema in the extension is built with: `zod/mini`, whose
 * functional API lets each bundle carry only the checks it uses, with zod's
 * English messages. Mini sets no messages of its own ("Invalid input" for
 * everything); the full API set these globally, and the policy import and the
 * background's refusals show them to practitioners, so they are set here, by
 * the one module every schema imports (test/unit/conventions.test.ts).
 */
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
