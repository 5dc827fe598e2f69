import type { Policy } from '@/lib/policy';
import { PolicyLadder } from './PolicyLadder';

export function PanelApp({ policy }: { policy: Policy }) {
  return (
    <main className="panel">
      <h1>Professional disagreement escalation</h1>
      <p className="policy-name">
        {policy.name} ({policy.version})
      </p>
      <h2 id="ladder-heading">Stages and timescales</h2>
      <PolicyLadder policy={policy} labelledBy="ladder-heading" />
    </main>
  );
}
