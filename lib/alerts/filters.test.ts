import { describe, expect, it } from 'vitest';
import { filterFromQuery, inFilter, popupPathFor } from './filters';

describe('the popup filters', () => {
  it('reads the list to open from the popup address, and nothing else from it', () => {
    expect(filterFromQuery(popupPathFor('overdue').split('?')[1] ?? '')).toBe('overdue');
    expect(filterFromQuery('?filter=due')).toBe('due');
    expect(filterFromQuery('')).toBe('all');
    expect(filterFromQuery('?filter=<script>')).toBe('all');
    expect(filterFromQuery('?filter=OVERDUE')).toBe('all');
  });

  it('puts overdue and due soon together in "due", and every row in "all"', () => {
    expect(inFilter('due', 'overdue') && inFilter('due', 'due-soon')).toBe(true);
    expect(inFilter('due', 'upcoming') || inFilter('due', undefined)).toBe(false);
    expect(inFilter('overdue', 'due-soon')).toBe(false);
    expect(inFilter('all', undefined)).toBe(true);
  });
});
