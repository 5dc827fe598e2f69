import { plural } from '@/components/shared/plural';
import { formatDate } from '@/lib/calendar';
import type { Escalation } from '@/lib/escalation';
import { builtInPolicies, findPolicy, type Policy, panBerkshirePolicy, type UkRegion } from '@/lib/policy';
import type { PolicyRef } from '@/lib/settings';
import type { StoredData } from '@/lib/storage';

/** Where a policy the user can choose came from. */
export type PolicyOrigin = 'built-in' | 'organisation' | 'yours';

export interface PolicyChoice {
  policy: Policy;
  origin: PolicyOrigin;
}

export const samePolicy = (a: PolicyRef, b: PolicyRef) => a.id === b.id && a.version === b.version;

/** A select option's value for a policy; ids cannot hold a space, so this is unambiguous. */
export const policyKey = (policy: PolicyRef) => `${policy.id} ${policy.version}`;

export const UK_REGIONS: Record<UkRegion, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** Every policy escalations can start under: built in, from the organisation, and the user's imports. */
export function policyChoices(data: StoredData): PolicyChoice[] {
  const choices: PolicyChoice[] = builtInPolicies.map((policy) => ({ policy, origin: 'built-in' }));
  for (const policy of data.settings.importedPolicies) {
    if (choices.some((choice) => samePolicy(choice.policy, policy))) continue;
    const fromOrganisation = data.organisation.policies.some((given) => samePolicy(given, policy));
    choices.push({ policy, origin: fromOrganisation ? 'organisation' : 'yours' });
  }
  return choices;
}

/** The policy new escalations start under; Pan Berkshire when the chosen one is not here. */
export function activePolicyOf(data: StoredData): Policy {
  const { id, version } = data.settings.activePolicy;
  return findPolicy(id, version, data.settings.importedPolicies) ?? panBerkshirePolicy;
}

const ORIGIN_WORDS: Record<PolicyOrigin, string> = {
  'built-in': 'built in',
  organisation: 'from your organisation',
  yours: 'imported by you',
};

export const policyLabel = ({ policy, origin }: PolicyChoice) =>
  `${policy.name}, version ${policy.version} (${ORIGIN_WORDS[origin]})`;

export const escalationsUnder = (escalations: readonly Escalation[], policy: PolicyRef) =>
  escalations.filter((escalation) => samePolicy(escalation.policy, policy));

/** Why an imported policy cannot be removed now, or undefined when it can. */
export function whyKept(data: StoredData, policy: Policy): string | undefined {
  if (samePolicy(data.settings.activePolicy, policy)) {
    return 'New escalations start under it: choose another policy first.';
  }
  const under = escalationsUnder(data.escalations, policy);
  if (under.length === 0) return undefined;
  const open = under.filter((escalation) => escalation.status === 'open').length;
  return `${plural(under.length, 'stored escalation')} (${open} open) ${under.length === 1 ? 'runs' : 'run'} under it; it can be removed once ${under.length === 1 ? 'that escalation has' : 'they have'} been deleted (Settings → Data).`;
}

/** Why an imported policy is refused because it is already here, or undefined when it is new. */
export function alreadyHere(data: StoredData, policy: Policy): string | undefined {
  const existing = policyChoices(data).find((choice) => samePolicy(choice.policy, policy));
  if (!existing) return undefined;
  return `“${policy.name}” version ${policy.version} is already here (${ORIGIN_WORDS[existing.origin]}), so this file was not imported and nothing was changed. A changed policy needs a new version.`;
}

const MONTHS = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** When a policy took effect, as precisely as it says: "Sun 1 Mar 2026", or only "March 2026". */
export function effectiveDateInWords(effectiveDate: string): string {
  return /^\d{4}-\d{2}$/.test(effectiveDate)
    ? MONTHS.format(new Date(`${effectiveDate}-01T12:00:00Z`))
    : formatDate(effectiveDate);
}
