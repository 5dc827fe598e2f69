import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './london';

describe('formatting in London time', () => {
  it('shows winter times as GMT', () => {
    const due = new Date('2026-11-03T17:00:00Z');
    expect(formatDateTime(due)).toBe('Tue 3 Nov 2026, 17:00');
    expect(formatDate(due)).toBe('Tue 3 Nov 2026');
    expect(formatTime(due)).toBe('17:00');
  });

  it('shows summer times as BST', () => {
    expect(formatDateTime(new Date('2026-03-30T16:00:00Z'))).toBe('Mon 30 Mar 2026, 17:00');
  });

  it('uses the London date near midnight', () => {
    expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('Wed 1 Jul 2026');
    expect(formatDate('2026-12-28')).toBe('Mon 28 Dec 2026');
  });
});
