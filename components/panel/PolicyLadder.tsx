import { describeTimescale, type Policy } from '@/lib/policy';
import type { Contacts } from '@/lib/settings';
import { RoleContacts } from './RoleContacts';

/**
 * Every step of the policy, in order, with who is involved and its timescale,
 * and the practitioner's own contacts for those people.
 */
export function PolicyLadder({
  policy,
  contacts,
  labelledBy,
}: {
  policy: Policy;
  /** Absent until the settings have loaded. */
  contacts?: Contacts | undefined;
  labelledBy: string;
}) {
  const roleTitle = (roleId: string) => policy.roles.find((role) => role.id === roleId)?.title ?? roleId;
  return (
    <ol className="ladder" aria-labelledby={labelledBy}>
      {policy.stages.map((stage) => (
        <li key={stage.number}>
          <h3>
            Stage {stage.number}: {stage.name}
          </h3>
          <ul>
            {policy.steps
              .filter((step) => step.stage === stage.number)
              .map((step) => (
                <li key={step.id}>
                  <strong>{step.title}</strong> – {describeTimescale(step.timescale, policy)}.{' '}
                  <span className="involved">Who: {step.involved.map(roleTitle).join('; ')}.</span>
                  {contacts && <RoleContacts roleIds={step.involved} contacts={contacts} />}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
