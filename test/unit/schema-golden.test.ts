import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardListOf } from '@/lib/alerts/dashboard-list';
import { discussionAt, draft, socialWorker, startedEscalation } from '@/lib/escalation/testing';
import { panBerkshirePolicy } from '@/lib/policy';
import { returnsRowOf } from '@/lib/reports';
import { autumnEscalations } from '@/lib/reports/testing';
import { defaultSettings } from '@/lib/settings';
import govukList from '../../lib/calendar/govuk-bank-holidays.json' with { type: 'json' };
import versionOneBackup from '../fixtures/backups/version-1.json' with { type: 'json' };
import { exampleChainedPolicyInput } from '../fixtures/policies/example-chained';

/**
 * Every zod schema the extension exports parses and refuses the same inputs,
 * with the same messages and the same outputs, as when this golden file was
 * written (test/unit/__golden__/schemas.json). It was written with the full
 * `zod` API, before the schemas moved to `zod/mini` for smaller bundles
 * (issue 19), so that move, and any later one, cannot change what is stored,
 * messaged or imported without this test saying which schema changed.
 *
 * The inputs: stored escalations at many points of the procedure, the
 * policies, settings, a version-1 backup, GOV.UK's list, message requests,
 * every object and array inside those, and each of those mutated leaf by leaf
 * (a key removed, set to null, given another type, emptied). Each schema gets
 * every input; the mutations of the first inputs it accepts are what find its
 * messages. `UPDATE_SCHEMA_GOLDEN=1` writes the file again.
 */

const GOLDEN = join(import.meta.dirname, '__golden__', 'schemas.json');
const MUTATED_LEAVES_PER_INPUT = 60;
const MUTATED_INPUTS_PER_SCHEMA = 6;

type Schema = {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Issue[] } };
};
interface Issue {
  path: PropertyKey[];
  code: string;
  message: string;
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && '_zod' in value && 'safeParse' in value;

/** Every exported schema, and those one or two levels inside an exported object (message definitions). */
function exportedSchemas(): Map<string, Schema> {
  const modules = import.meta.glob<Record<string, unknown>>(
    ['/lib/**/*.ts', '/components/**/*.ts', '!/**/*.test.ts', '!/**/testing.ts', '!/**/examples.ts'],
    { eager: true },
  );
  const found = new Map<string, Schema>();
  const visit = (name: string, value: unknown, depth: number) => {
    if (isSchema(value)) {
      found.set(name, value);
      return;
    }
    if (depth === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [key, inner] of Object.entries(value)) visit(`${name}.${key}`, inner, depth - 1);
  };
  for (const [path, module] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(module)) visit(`${path.slice(1)}#${name}`, value, 2);
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

const stable = (value: unknown) =>
  JSON.stringify(value, (_key, inner) => {
    if (inner === undefined) return '<undefined>';
    if (typeof inner === 'number' && !Number.isFinite(inner)) return `<${inner}>`;
    if (inner instanceof Date) return `<date ${inner.toISOString()}>`;
    return inner;
  });
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const at = '2026-11-09T10:00:00.000Z';
const changes = [
  { kind: 'record-discussion', input: discussionAt('2026-11-03T10:00:00Z') },
  {
    kind: 'tick-duty',
    input: { stepId: 'stage-1', dutyId: 'feed-back', doneAt: at, method: 'email', note: 'Sent.' },
  },
  { kind: 'move-to-next-step', input: { at } },
  { kind: 'move-ahead-of-timescale', input: { toStepId: 'stage-3', reason: 'Risk rising.', at } },
  {
    kind: 'resolve',
    input: {
      agreementReached: true,
      agreementReason: 'Agreed by email.',
      outcomeId: 'agreed',
      summary: 'Referral made.',
    },
  },
  { kind: 'withdraw', input: { reason: 'Concern answered.', at } },
  { kind: 'reopen', input: { reason: 'Resolved in error.' } },
  {
    kind: 'amend',
    input: { entry: 'discussion', discussionId: 'd-1', changes: { summary: 'Corrected.' }, reason: 'Typo.' },
  },
  {
    kind: 'amend',
    input: {
      entry: 'duty',
      stepId: 'stage-1',
      dutyId: 'feed-back',
      changes: { note: 'By phone.' },
      reason: 'Wrong note.',
    },
  },
  { kind: 'amend', input: { entry: 'concern', changes: { opinions: [] }, reason: 'Withdrawn opinion.' } },
];

/** The samples, and every value inside them. */
function baseInputs(): unknown[] {
  const escalations = [startedEscalation(), ...autumnEscalations()];
  const settings = { ...defaultSettings, profile: socialWorker };
  const samples: unknown[] = [
    ...escalations,
    ...changes,
    panBerkshirePolicy,
    exampleChainedPolicyInput,
    settings,
    versionOneBackup,
    govukList,
    dashboardListOf(escalations, settings, []),
    ...escalations.map((escalation) =>
      returnsRowOf(escalation, { policy: panBerkshirePolicy, now: new Date(at) }),
    ),
    { from: '2026-10-01', to: '2026-12-31' },
    { originalKey: 'escalation:x', value: { id: 'x' }, problems: 'id: too short', quarantinedAt: at },
    { input: draft, by: socialWorker },
    { escalation: escalations[0] },
    ...changes.map((change) => ({ id: 'esc-1', expectedRevision: 1, change, by: socialWorker })),
  ];
  const inputs = new Map<string, unknown>();
  const add = (value: unknown) => {
    const key = stable(value);
    if (inputs.has(key)) return;
    inputs.set(key, value);
    if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) add(inner);
  };
  samples.forEach(add);
  return [...inputs.values()];
}

const primitives: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  'escalation',
  '2026-11-02',
  '2026-11-02T10:30:00.000Z',
  '2026-11-02T10:30:00+01:00',
  '2026-13-45',
  '09:00',
  'https://example.org/',
  0,
  1,
  -1,
  1.5,
  1e9,
  Number.NaN,
  true,
  false,
  [],
  {},
];

/** Each leaf of an input changed in turn: removed, null, another type, emptied. */
function mutations(input: unknown): unknown[] {
  const leaves: PropertyKey[][] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (leaves.length >= MUTATED_LEAVES_PER_INPUT) return;
    if (typeof value !== 'object' || value === null) {
      if (path.length > 0) leaves.push(path);
      return;
    }
    if (path.length > 0) leaves.push(path);
    for (const [key, inner] of Object.entries(value))
      walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  walk(input, []);
  const changed: unknown[] = [];
  for (const path of leaves) {
    const original = path.reduce<unknown>(
      (value, key) => (value as Record<PropertyKey, unknown>)[key],
      input,
    );
    const swaps: unknown[] = [null, typeof original === 'string' ? 12345 : 'swapped'];
    if (typeof original === 'string') swaps.push('', '  ', '2026-02-30T25:00:00Z');
    if (typeof original === 'number') swaps.push(-1, 0.5);
    if (Array.isArray(original)) swaps.push([]);
    for (const swap of [...swaps, REMOVE]) changed.push(withLeaf(input, path, swap));
  }
  return changed;
}

const REMOVE = Symbol('remove');
function withLeaf(input: unknown, path: PropertyKey[], value: unknown): unknown {
  const copy = structuredClone(input) as Record<PropertyKey, unknown>;
  const parent = path
    .slice(0, -1)
    .reduce<Record<PropertyKey, unknown>>((inner, key) => inner[key] as Record<PropertyKey, unknown>, copy);
  const last = path.at(-1) as PropertyKey;
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

interface SchemaGolden {
  inputs: number;
  accepted: number;
  digest: string;
  messages: string[];
}

function run(schema: Schema, inputs: unknown[]): SchemaGolden {
  const all = [...primitives, ...inputs];
  const accepted = inputs.filter((input) => schema.safeParse(input).success);
  const tried = [...all, ...accepted.slice(0, MUTATED_INPUTS_PER_SCHEMA).flatMap(mutations)];
  const messages = new Set<string>();
  const results = tried.map((input) => {
    const result = schema.safeParse(input);
    if (result.success) return `ok ${stable(result.data)}`;
    const issues = (result.error?.issues ?? []).map(({ path, code, message }) => {
      messages.add(message);
      return { path: path.map(String), code, message };
    });
    return `refused ${stable(issues)}`;
  });
  return {
    inputs: tried.length,
    accepted: results.filter((result) => result.startsWith('ok ')).length,
    digest: digest(results.join('\n')),
    messages: [...messages].sort(),
  };
}

describe('schemas', () => {
  it('parse and refuse the golden inputs as they did with the full zod API', () => {
    const inputs = baseInputs();
    const now = Object.fromEntries(
      [...exportedSchemas()].map(([name, schema]) => [name, run(schema, inputs)]),
    );
    if (process.env.UPDATE_SCHEMA_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(now, null, 2)}\n`);
    const golden: Record<string, SchemaGolden> = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    expect(Object.keys(now)).toEqual(Object.keys(golden));
    for (const [name, expected] of Object.entries(golden)) {
      expect({ name, ...now[name] }).toEqual({ name, ...expected });
    }
  }, 60_000);
});
