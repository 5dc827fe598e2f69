import { describeTimescale, findStage, type Policy } from '@/lib/policy';
import { effectiveDateInWords, UK_REGIONS } from './policy-choices';

const RULE_WORDS = {
  'end-of-day': 'deadlines fall at the end of the working day',
  'same-time': 'deadlines fall at the time of day the count started',
} as const;

// An imported file chooses the address; only a web page may become a link.
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

/** Where a policy comes from and when it took effect, as a practitioner would check it against the published procedure. */
export function PolicySource({ policy }: { policy: Policy }) {
  const { source, calendar } = policy;
  return (
    <dl className="policy-source">
      <dt>Published by</dt>
      <dd>{policy.partnership}</dd>
      <dt>Source</dt>
      <dd>
        {source.url && isWebAddress(source.url) ? (
          <a href={source.url} target="_blank" rel="noreferrer">
            {source.title}
          </a>
        ) : (
          source.title
        )}
        {source.reference ? `; ${source.reference}` : ''}
      </dd>
      <dt>Version</dt>
      <dd>{policy.version}</dd>
      <dt>Effective from</dt>
      <dd>{effectiveDateInWords(policy.effectiveDate)}</dd>
      <dt>Written for</dt>
      <dd>
        {UK_REGIONS[calendar.region]}, working hours {calendar.workingHours.start}–{calendar.workingHours.end}
        ; {RULE_WORDS[calendar.deadlineRule]}
      </dd>
    </dl>
  );
}

/** Every step of a policy: what it is, its stage, its timescale in words, and who takes part. */
export function PolicySteps({ policy }: { policy: Policy }) {
  const roleTitle = (roleId: string) => policy.roles.find((role) => role.id === roleId)?.title ?? roleId;
  const stageName = (stage: number) => findStage(policy, stage)?.name;
  return (
    <table className="policy-steps">
      <caption>
        The steps of {policy.name}, version {policy.version}
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Stage</th>
          <th scope="col">Timescale</th>
          <th scope="col">Who is involved</th>
        </tr>
      </thead>
      <tbody>
        {policy.steps.map((step) => (
          <tr key={step.id}>
            <th scope="row">
              {step.id}: {step.title}
            </th>
            <td>
              {step.stage}
              {stageName(step.stage) ? `: ${stageName(step.stage)}` : ''}
            </td>
            <td>
              {describeTimescale(step.timescale, policy)}
              {step.urgentTimescale && (
                <>
                  <br />
                  On the urgent track: {describeTimescale(step.urgentTimescale, policy)}
                </>
              )}
            </td>
            <td>
              <ul className="plain">
                {step.involved.map((roleId) => (
                  <li key={roleId}>{roleTitle(roleId)}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
