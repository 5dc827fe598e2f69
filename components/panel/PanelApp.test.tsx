// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '@/lib/policy';
import { PanelApp } from './PanelApp';

afterEach(cleanup);

describe('PanelApp', () => {
  it('names the policy and lists every stage with its steps and timescales', () => {
    render(<PanelApp policy={panBerkshirePolicy} />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Professional disagreement escalation' }),
    ).toBeDefined();
    expect(screen.getByText(/March 2026/)).toBeDefined();

    const stages = screen.getAllByRole('heading', { level: 3 });
    expect(stages.map((stage) => stage.textContent)).toEqual(
      panBerkshirePolicy.stages.map((stage) => `Stage ${stage.number}: ${stage.name}`),
    );
    const ladder = screen.getByRole('list', { name: 'Stages and timescales' });
    expect(within(ladder).getByText(/within 6 working days/)).toBeDefined();
  });
});
