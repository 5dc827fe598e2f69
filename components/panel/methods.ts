import type { DiscussionMethod, DutyMethod } from '@/lib/escalation';

/** How something was done, in the words the panel offers and shows. */
const labels: Record<DiscussionMethod | DutyMethod, string> = {
  call: 'Phone call',
  meeting: 'Meeting',
  video: 'Video call',
  'in-person': 'In person',
  email: 'Email',
  'secure-message': 'Secure message',
  letter: 'Letter',
  other: 'Other',
};

export const methodLabel = (method: DiscussionMethod | DutyMethod) => labels[method];

export const discussionMethods: { value: DiscussionMethod; label: string }[] = (
  ['call', 'meeting', 'video', 'in-person', 'email', 'letter', 'other'] as const
).map((value) => ({ value, label: labels[value] }));

export const dutyMethods: { value: DutyMethod; label: string }[] = (
  ['email', 'secure-message', 'call', 'meeting', 'in-person', 'letter', 'other'] as const
).map((value) => ({ value, label: labels[value] }));
