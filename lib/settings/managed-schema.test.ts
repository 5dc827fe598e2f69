import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deadlineRuleSchema, ukRegionSchema } from '../policy/schema';
import { managedSettingKeys, managedSettingNames, organisationSettingsFrom } from './managed';

/**
 * Chrome and Edge check IT's settings against public/managed_schema.json and
 * drop any that fail; lib/settings checks them again for Firefox. These tests
 * keep the two in step, and the IT page's example valid for both.
 */

interface ChromeSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  properties?: Record<string, ChromeSchema>;
  items?: ChromeSchema;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as ChromeSchema;
const example = JSON.parse(readFileSync('docs/it/managed-settings.example.json', 'utf8')) as Record<
  string,
  unknown
>;

/** The part of JSON Schema the schema file uses, checked as Chrome does; returns where each value fails. */
function violations(value: unknown, rule: ChromeSchema, at = ''): string[] {
  const here = at || 'the settings';
  switch (rule.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${here}: not an object`];
      return Object.entries(value).flatMap(([key, inner]) => {
        const property = rule.properties?.[key];
        return property ? violations(inner, property, `${at}.${key}`) : [`${at}.${key}: not in the schema`];
      });
    }
    case 'array':
      if (!Array.isArray(value)) return [`${here}: not a list`];
      return value.flatMap((inner, index) =>
        rule.items ? violations(inner, rule.items, `${at}[${index}]`) : [],
      );
    case 'string':
      if (typeof value !== 'string') return [`${here}: not text`];
      if (rule.enum && !rule.enum.includes(value)) return [`${here}: not one of ${rule.enum.join(', ')}`];
      if (rule.pattern && !new RegExp(rule.pattern).test(value))
        return [`${here}: does not match ${rule.pattern}`];
      return [];
    case 'integer':
      if (!Number.isInteger(value)) return [`${here}: not a whole number`];
      return (rule.minimum !== undefined && (value as number) < rule.minimum) ||
        (rule.maximum !== undefined && (value as number) > rule.maximum)
        ? [`${here}: out of range`]
        : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${here}: not true or false`];
  }
}

/** Every keyword Chrome's schema parser knows; an unknown one would stop the extension loading. */
const KNOWN_KEYWORDS = new Set([
  'type',
  'properties',
  'items',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'title',
  'description',
]);
function keywordsIn(rule: ChromeSchema): string[] {
  return [
    ...Object.keys(rule),
    ...Object.values(rule.properties ?? {}).flatMap(keywordsIn),
    ...(rule.items ? keywordsIn(rule.items) : []),
  ];
}

describe('the managed settings schema', () => {
  it('declares exactly the settings lib/settings reads, with the same choices', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...managedSettingKeys].sort());
    expect(schema.properties?.region?.enum).toEqual(ukRegionSchema.options);
    expect(schema.properties?.deadlineRule?.enum).toEqual(deadlineRuleSchema.options);
    expect(schema.properties?.userMayChange?.items?.enum).toEqual([...managedSettingNames]);
  });

  it('uses only what Chrome’s policy schema understands, with one type each', () => {
    expect(keywordsIn(schema).filter((keyword) => !KNOWN_KEYWORDS.has(keyword))).toEqual([]);
    expect(schema.type).toBe('object');
  });

  it('accepts the IT page’s example, and so does lib/settings, with no warnings', () => {
    expect(violations(example, schema)).toEqual([]);
    const organisation = organisationSettingsFrom({ state: 'found', values: example });
    expect(organisation.warnings).toEqual([]);
    expect(organisation.name).toBe("Example Borough Council Children's Services");
    expect(organisation.sites).toEqual([
      { site: 'https://cases.example.gov.uk/*', adapter: 'example-lcs', locked: true },
    ]);
  });

  it('rejects what Chrome would drop, as lib/settings does', () => {
    const bad = { region: 'wales', retentionDays: 0, sites: [{ site: 'cases.example.gov.uk' }] };
    expect(violations(bad, schema)).toHaveLength(3);
    expect(organisationSettingsFrom({ state: 'found', values: bad }).warnings).toHaveLength(3);
  });
});
