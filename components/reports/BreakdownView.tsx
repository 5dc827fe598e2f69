import { useId } from 'react';
import type { Breakdown, StepDeadlines } from '@/lib/reports';
import { BarChart } from './BarChart';

const number = new Intl.NumberFormat('en-GB');
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One breakdown: a chart and a table of the same counts. */
export function BreakdownView({ breakdown, total }: { breakdown: Breakdown; total: number }) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="breakdown" data-breakdown={breakdown.id}>
      <h2 id={heading}>{breakdown.title}</h2>
      {breakdown.counts.length === 0 ? (
        <p>No escalations started in this period.</p>
      ) : (
        <>
          <BarChart title={breakdown.title} counts={breakdown.counts} />
          <table>
            <caption>
              {breakdown.title}, of {number.format(total)} started
            </caption>
            <thead>
              <tr>
                <th scope="col">{breakdown.title}</th>
                <th scope="col">Escalations</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.counts.map((count) => (
                <tr key={count.key}>
                  <th scope="row">{count.label}</th>
                  <td>{number.format(count.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Each step's share of deadlines met: a chart of the percentages and a table with the counts. */
export function DeadlinesView({ deadlines }: { deadlines: readonly StepDeadlines[] }) {
  const heading = useId();
  const decided = deadlines.filter((step) => step.share !== undefined);
  return (
    <section aria-labelledby={heading} className="breakdown" data-breakdown="deadlines">
      <h2 id={heading}>Deadlines met, by step</h2>
      <p className="hint">
        A deadline counts once it was met or missed; one still to come, for a step skipped in an urgent case,
        or given by the policy only as a guide, does not.
      </p>
      {decided.length > 0 && (
        <BarChart
          title="Share of deadlines met, by step"
          counts={decided.map((step) => ({
            key: step.stepId,
            label: step.label,
            count: Math.round((step.share ?? 0) * 100),
          }))}
          max={100}
          unit="%"
        />
      )}
      <table>
        <caption>Deadlines met, by step</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Met</th>
            <th scope="col">Met or missed</th>
            <th scope="col">Share met</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((step) => (
            <tr key={step.stepId}>
              <th scope="row">{step.label}</th>
              <td>{number.format(step.met)}</td>
              <td>{number.format(step.decided)}</td>
              <td>{step.share === undefined ? 'none yet' : percent(step.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
