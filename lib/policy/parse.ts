import type * as z from '../schema/zod';
import { type Policy, policySchema } from './schema';

/** One thing wrong with an imported document, with where it is, e.g. "steps[2].timescale.duration.amount". */
export interface Problem {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function pathInWords(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Validates a document that arrives as JSON text or as an already-parsed
 * value. Never throws: every problem comes back with a readable path.
 */
export function parseJson<Schema extends z.ZodMiniType>(
  schema: Schema,
  json: unknown,
): ParseResult<z.output<Schema>> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      const detail = error instanceof Error ? `: ${error.message}` : '';
      return { ok: false, problems: [{ path: '', message: `This is not valid JSON${detail}` }] };
    }
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: pathInWords(issue.path), message: issue.message })),
  };
}

/** Reads an escalation policy from JSON text or a parsed value. */
export function parsePolicy(
  json: unknown,
): { ok: true; policy: Policy } | { ok: false; problems: Problem[] } {
  const result = parseJson(policySchema, json);
  return result.ok ? { ok: true, policy: result.value } : result;
}
