import { useId, useRef } from 'react';
import { findPolicy, type Policy, panBerkshirePolicy } from '@/lib/policy';
import type { DataClient, StoredData } from '@/lib/storage';
import { AttemptOutcome, useAttempt } from './organisation';
import { PolicySource, PolicySteps } from './PolicySteps';
import {
  activePolicyOf,
  effectiveDateInWords,
  escalationsUnder,
  policyChoices,
  policyKey,
  policyLabel,
  samePolicy,
  whyKept,
} from './policy-choices';
import { SettingBlock, useEdited } from './SettingBlock';

interface ActivePolicyProps {
  data: StoredData;
  client: DataClient;
}

/** The policy new escalations start under, chosen from those here, with its steps and where it comes from. */
export function ActivePolicy({ data, client }: ActivePolicyProps) {
  const selectId = useId();
  const choices = policyChoices(data);
  const active = activePolicyOf(data);
  const [chosenKey, setChosenKey] = useEdited(policyKey(active));
  const chosen = choices.find((choice) => policyKey(choice.policy) === chosenKey)?.policy ?? active;
  const organisationDefault = data.organisation.defaults.activePolicy;
  const defaultPolicy =
    (organisationDefault &&
      findPolicy(organisationDefault.id, organisationDefault.version, data.settings.importedPolicies)) ||
    panBerkshirePolicy;

  return (
    <>
      <SettingBlock
        data={data}
        client={client}
        path="activePolicy"
        title="Policy for new escalations"
        about={
          <p>
            Each escalation keeps the policy it started under, so changing this affects only escalations
            started from now on.
          </p>
        }
        defaultInWords={`${defaultPolicy.name}, version ${defaultPolicy.version}`}
        save={() => async () => {
          await client.saveSettings({ activePolicy: { id: chosen.id, version: chosen.version } });
          return `New escalations will start under ${chosen.name}, version ${chosen.version}.`;
        }}
      >
        {({ locked, lockedNoteId }) => (
          <div className="field">
            <label htmlFor={selectId}>Choose the policy</label>
            <select
              id={selectId}
              value={chosenKey}
              disabled={locked}
              aria-describedby={lockedNoteId}
              onChange={(event) => setChosenKey(event.target.value)}
            >
              {choices.map((choice) => (
                <option key={policyKey(choice.policy)} value={policyKey(choice.policy)}>
                  {policyLabel(choice)}
                </option>
              ))}
            </select>
            {!samePolicy(chosen, active) && (
              <p className="hint">Shown below; press Save to start new escalations under it.</p>
            )}
          </div>
        )}
      </SettingBlock>
      <PolicySource policy={chosen} />
      <PolicySteps policy={chosen} />
      <ImportedPolicies data={data} client={client} />
    </>
  );
}

/** The user's own imported policies, each removable once nothing needs it. */
function ImportedPolicies({ data, client }: ActivePolicyProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { status, error, attempt } = useAttempt();
  const imported = (data.user.importedPolicies ?? []).filter(
    // Copies kept of the organisation's inline policy are the organisation's to withdraw.
    (policy) => !data.organisation.policies.some((given) => samePolicy(given, policy)),
  );
  const remove = (policy: Policy) =>
    attempt(async () => {
      const rest = (data.user.importedPolicies ?? []).filter((kept) => !samePolicy(kept, policy));
      await (rest.length > 0
        ? client.saveSettings({ importedPolicies: rest })
        : client.saveSettings({}, ['importedPolicies']));
      // The Remove button pressed has gone with its row.
      heading.current?.focus();
      return `Removed ${policy.name}, version ${policy.version}.`;
    });

  return (
    <div className="setting">
      <h4 ref={heading} tabIndex={-1}>
        Policies you imported
      </h4>
      {imported.length === 0 ? (
        <p>None. Import one below.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Policies you imported</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Effective from</th>
              <th scope="col">Stored escalations under it</th>
              <th scope="col">Remove</th>
            </tr>
          </thead>
          <tbody>
            {imported.map((policy) => {
              const kept = whyKept(data, policy);
              return (
                <tr key={policyKey(policy)}>
                  <th scope="row">
                    {policy.name}, version {policy.version}
                  </th>
                  <td>{effectiveDateInWords(policy.effectiveDate)}</td>
                  <td>{escalationsUnder(data.escalations, policy).length}</td>
                  <td>
                    {kept ? (
                      <>
                        <span className="visually-hidden">Cannot be removed: </span>
                        {kept}
                      </>
                    ) : (
                      <button type="button" onClick={() => void remove(policy)}>
                        Remove
                        <span className="visually-hidden">
                          {' '}
                          {policy.name}, version {policy.version}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <AttemptOutcome status={status} error={error} />
    </div>
  );
}
