import type * as z from '../schema/zod';
import { type dutySchema, type Policy, type PolicyInput, policySchema } from './schema';

/**
 * The Pan Berkshire procedure "Resolving Professional Disagreement and
 * Escalation" (Pan Berkshire Child Protection Procedures Manual, March 2026),
 * written as data. Everything shown as the procedure's (each step's action,
 * timescale wording, things to consider and duties, the stage names, the
 * note on urgent cases, the 999 advice and the closing guidance) is quoted
 * exactly, held to the text in test/fixtures/policy by pan-berkshire.test.ts.
 * Titles, roles, outcomes and reason categories are labels, not quotations.
 */

// Each stage words its feed-back and record-on-file duties a little differently; each is quoted as that stage words it.
const feedBack = (text: string) => ({ kind: 'feed-back', id: 'feed-back', text, required: true }) as const;
const recordOnFile = (text: string) =>
  ({ kind: 'record-on-file', id: 'record-on-file', text, required: true }) as const;
const shareWithBusinessManager = (text: string) =>
  ({
    kind: 'notify',
    id: 'share-with-business-manager',
    text,
    recipient: 'business-manager',
    required: true,
  }) as const;

// The Conclusion's duty, for whatever stage the process shows a gap at.
const referPolicyGap: z.input<typeof dutySchema> = {
  kind: 'notify',
  id: 'refer-policy-gap',
  text: 'If the above process highlights gaps in policies and procedures these must be brought to the attention of the Local Statutory Safeguarding Children Partners and referred to the Pan Berkshire Children Policy and Procedures Subgroup.',
  recipient: 'statutory-partners',
  alsoTo: ['policy-subgroup'],
  required: false,
};

const mayNotifyScrutineer = {
  kind: 'notify',
  id: 'notify-independent-scrutineer',
  text: 'The Independent Scrutineer can also be notified.',
  recipient: 'independent-scrutineer',
  required: false,
} as const;

const stage1FeedBack = feedBack(
  'Any action agreed should be fed back immediately to the relevant practitioners and managers involved.',
);
const stage1RecordOnFile = recordOnFile(
  "The detail of the escalation and agreements reached should be recorded on the child's file held by each involved agency.",
);

// The Please Note at the head of the procedure, which is all it says about urgent cases.
const nonLinear =
  'Responding to professional disagreements will not always be a linear process, and in emergency cases it may be appropriate to escalate concerns more quickly than the timescales set out below.';

const recording = [
  'The detail of the escalation (the difference of opinion)',
  'The agreements reached',
  'Any action agreed, and who it was fed back to',
];

const panBerkshirePolicyInput = {
  format: 1,
  id: 'pan-berkshire',
  name: 'Pan Berkshire: Resolving Professional Disagreement and Escalation',
  partnership: 'Pan Berkshire Safeguarding Children Partnerships',
  version: 'March 2026',
  // The procedure gives only the month.
  effectiveDate: '2026-03',
  source: {
    title: 'Resolving Professional Disagreement and Escalation',
    reference: 'Pan Berkshire Child Protection Procedures Manual, March 2026',
  },
  timeZone: 'Europe/London',
  calendar: {
    region: 'england-and-wales',
    workingHours: { start: '09:00', end: '17:00' },
    deadlineRule: 'end-of-day',
  },
  roles: [
    {
      id: 'professionals-involved',
      title: 'The professionals involved',
      side: 'both',
      description: 'The practitioners in each agency who hold the differing views.',
    },
    {
      id: 'line-managers',
      title: 'Line managers / team managers',
      side: 'both',
      description: "Each practitioner's line manager or team manager.",
    },
    {
      id: 'next-management-level',
      title: 'Next management level or appropriate safeguarding leads',
      side: 'both',
      description: 'Between the services or organisations concerned.',
    },
    {
      id: 'raising-agency-safeguarding-professional',
      title: 'Designated or named professional for safeguarding (agency that raised the matter)',
      side: 'raising',
    },
    {
      id: 'senior-safeguarding-managers',
      title: 'Senior managers with responsibility for safeguarding',
      side: 'both',
      description:
        'A senior manager with responsibility for safeguarding and an equivalent level of management in the concerned agency.',
    },
    {
      id: 'departmental-head',
      title: 'Departmental head with lead responsibility for safeguarding',
      side: 'raising',
      description: 'The matter is referred to them when senior managers cannot resolve it.',
    },
    {
      id: 'operational-senior-managers',
      title: 'Senior managers with operational responsibility for the case',
      side: 'both',
    },
    {
      id: 'business-manager',
      title: 'Safeguarding Children Partnership Business Manager',
      side: 'partnership',
    },
    {
      id: 'independent-scrutineer',
      title: 'Independent Scrutineer',
      side: 'independent',
    },
    {
      id: 'statutory-partners',
      title: 'Local Statutory Safeguarding Children Partners',
      side: 'partnership',
    },
    {
      id: 'serious-case-review-subgroup',
      title: 'Serious Case Review Subgroup of the local Multi-Agency Safeguarding Children Partnership',
      side: 'partnership',
    },
    {
      id: 'policy-subgroup',
      title: 'Pan Berkshire Children Policy and Procedures Subgroup',
      side: 'partnership',
    },
  ],
  stages: [
    {
      number: 1,
      name: 'Promoting discussion to find a resolution for the child',
    },
    { number: 2, name: 'Management finding solutions' },
    { number: 3, name: 'Formal resolution' },
    { number: 4, name: 'When no solution is reached between senior leaders' },
  ],
  steps: [
    {
      id: '1a',
      stage: 1,
      title: 'Discussion between the professionals involved',
      kind: 'discussion',
      action:
        'The professionals involved should attempt to resolve differences through discussion, and find a solution for the child within one working day.',
      involved: ['professionals-involved'],
      timescale: {
        duration: { unit: 'working-days', amount: 1 },
        from: { from: 'difference-started' },
        wording: 'within one working day',
      },
      recording,
      duties: [stage1FeedBack, stage1RecordOnFile, referPolicyGap],
    },
    {
      id: '1b',
      stage: 1,
      title: 'Discussion between line managers / team managers',
      kind: 'discussion',
      action:
        'If they are unable to do so, the practitioner(s) must report them to their line manager / team manager. Most issues or concerns can be resolved, through discussion by the relevant line managers / team manager. The purpose of this contact is to review the available information and to resolve the concern.',
      involved: ['line-managers'],
      consider: [
        'In cases where a concern is ongoing, or progress is slow, it may be useful to instigate a professionals meeting to understand the risks and the lived experience of the child.',
        'It may be helpful to consider the involvement of the designated or named professional for safeguarding',
      ],
      timescale: {
        duration: { unit: 'working-days', amount: 2 },
        from: { from: 'difference-started' },
        wording: 'within 24 hours (e.g within two working days of the start of the difference of opinion)',
      },
      recording,
      duties: [stage1FeedBack, stage1RecordOnFile, referPolicyGap],
    },
    {
      id: '2',
      stage: 2,
      title: 'Discussion at the next management level or with appropriate safeguarding leads',
      kind: 'discussion',
      action:
        'Where it is not possible to resolve the matter at frontline/ team manager level, the professionals involved are expected to seek solutions at the next management level or appropriate safeguarding lead between the service/organisations concerned and within 24 hours (e.g within 3 working days of the start of the difference of opinion). The issue will then be considered at that management level, with direct communication taking place with the designated professional or named professional for safeguarding within the individual agency that raised the matter.',
      involved: ['next-management-level', 'raising-agency-safeguarding-professional'],
      timescale: {
        duration: { unit: 'working-days', amount: 3 },
        from: { from: 'difference-started' },
        wording: 'within 24 hours (e.g within 3 working days of the start of the difference of opinion)',
      },
      recording,
      duties: [
        feedBack('Any action agreed should be fed back immediately to the relevant practitioners involved.'),
        recordOnFile(
          "The detail of the escalation and agreements reached should be recorded on the child's file.",
        ),
        shareWithBusinessManager(
          'The details should also be shared with the Safeguarding Children Partnership Business Manager as evidence of escalation.',
        ),
        mayNotifyScrutineer,
        referPolicyGap,
      ],
    },
    {
      id: '3',
      stage: 3,
      title: 'Discussion between senior managers with responsibility for safeguarding',
      kind: 'discussion',
      action:
        'On the rare occasion that the difference of opinion cannot be resolved at stage two, the matter must be referred to a senior manager with responsibility for safeguarding who will consider the matter with an equivalent level of management within the concerned agency within 24 hours (e.g. within 4 working days of the start of the difference of opinion). The purpose of escalating the issue to this level is to reach a position where differing professional opinions are thoroughly considered and any gaps in communication are addressed.',
      involved: ['senior-safeguarding-managers'],
      timescale: {
        duration: { unit: 'working-days', amount: 4 },
        from: { from: 'difference-started' },
        wording: 'within 24 hours (e.g. within 4 working days of the start of the difference of opinion)',
      },
      recording,
      duties: [
        feedBack(
          'Any action agreed should be communicated immediately to the relevant practitioners involved.',
        ),
        recordOnFile(
          "The details of the escalation and agreements reached must be recorded on the child's file held by each involved agency.",
        ),
        shareWithBusinessManager(
          'The details should also be shared with the Safeguarding Children Partnership Business Manager as evidence of the escalation process.',
        ),
        mayNotifyScrutineer,
        referPolicyGap,
      ],
    },
    {
      id: '4',
      stage: 4,
      title: 'Meeting of senior managers with operational responsibility for the case',
      kind: 'meeting',
      action:
        'In the unlikely event that the difference of opinion remains unresolved, the matter must be referred to the departmental head with lead responsibility for safeguarding, who will report the matter to the relevant local Statutory Safeguarding Children Partners and the Independent Scrutineer. They will also instigate a meeting of senior managers with operational responsibility for the case within a maximum of 48 hours (e.g. within 6 working days of the start of the difference of opinion). The purpose of this meeting is to review the issues at hand and provide a final opportunity for the involved agencies to ensure that there is a full understanding of the issues before a decision is finalised.',
      involved: ['departmental-head', 'operational-senior-managers'],
      consider: ['You may wish to consider an independent facilitator.'],
      timescale: {
        duration: { unit: 'working-days', amount: 6 },
        from: { from: 'difference-started' },
        wording:
          'within a maximum of 48 hours (e.g. within 6 working days of the start of the difference of opinion)',
      },
      recording,
      duties: [
        feedBack(
          'At any stage of the process, any action agreed should be fed back immediately to the professional involved.',
        ),
        recordOnFile(
          "The detail of the difference of opinion and agreements reached should be saved on the child's file held by each involved agency.",
        ),
        {
          kind: 'notify',
          id: 'report-to-statutory-partners',
          text: 'From stage 4 the matter should be reported to the Local Statutory Safeguarding Children Partners.',
          recipient: 'statutory-partners',
          required: true,
        },
        {
          kind: 'notify',
          id: 'report-to-independent-scrutineer',
          text: 'The matter must be referred to the departmental head with lead responsibility for safeguarding, who will report the matter to the relevant local Statutory Safeguarding Children Partners and the Independent Scrutineer.',
          recipient: 'independent-scrutineer',
          required: true,
        },
        // The Conclusion's words: stage 4's own text does not repeat the duty.
        shareWithBusinessManager(
          'From stage 2 onwards the details should also be shared with the Safeguarding Children Partnership Business Manager as evidence of escalation.',
        ),
        {
          kind: 'notify',
          id: 'chair-reports-to-subgroup',
          text: 'The Chair of this meeting will then report on issues arising from this process to the Serious Case Review Subgroup of the local Multi-Agency Safeguarding Children Partnership.',
          recipient: 'serious-case-review-subgroup',
          required: true,
        },
        {
          kind: 'consider',
          id: 'consider-case-review',
          text: 'In all cases where it has not been possible to resolve differences and/or where there may be lessons to be learned for future practice, consideration should be given to holding a multi-agency case review.',
          required: true,
        },
        referPolicyGap,
      ],
    },
  ],
  urgentTrack: { description: nonLinear, reasonRequired: true },
  nonLinearNote: nonLinear,
  imminentRisk: {
    question:
      "Do you consider the child to be at imminent risk of harm because of the other agency's decision, and does the other agency's professional disagree?",
    actions: [
      "Refer directly to your own agency's Safeguarding Lead now.",
      'If your agency has no Safeguarding Lead, or they are not available, refer directly to your line manager.',
    ],
    emergency:
      'Where time does not allow for the above due to the immediacy of the risk, the professional should use their professional judgement and as appropriate dial 999 and ask for police assistance.',
  },
  outcomes: [
    { id: 'resolved', label: 'Resolved: agreement reached', ends: true, agreement: 'reached' },
    { id: 'escalated', label: 'Escalated to the next stage', ends: false },
    {
      id: 'unresolved',
      label: 'Unresolved after stage 4',
      ends: true,
      stages: [4],
      agreement: 'not-reached',
    },
    {
      id: 'referred-to-partnership',
      label: 'Referred to the partnership (multi-agency case review or policy subgroup)',
      ends: true,
    },
    {
      id: 'withdrawn',
      label: 'Withdrawn by the professional who raised it',
      ends: true,
      byWithdrawing: true,
    },
  ],
  reasonCategories: [
    { id: 'threshold-or-referral', label: 'Threshold or referral decision' },
    { id: 'assessment-outcome', label: 'Assessment outcome' },
    { id: 'plan-drift', label: 'Plan drift or lack of progress' },
    { id: 'information-sharing', label: 'Information sharing' },
    { id: 'roles-and-responsibilities', label: 'Roles and responsibilities' },
    { id: 'service-provision', label: 'Service provision' },
    { id: 'child-protection-procedures', label: 'Child protection procedures invoked or not' },
    { id: 'other', label: 'Other' },
  ],
  closingGuidance: [
    'All decisions and actions must be recorded.',
    'If the above process highlights gaps in policies and procedures these must be brought to the attention of the Local Statutory Safeguarding Children Partners and referred to the Pan Berkshire Children Policy and Procedures Subgroup.',
    'In all cases where it has not been possible to resolve differences and/or where there may be lessons to be learned for future practice, consideration should be given to holding a multi-agency case review.',
  ],
} satisfies PolicyInput;

/** The built-in default policy. */
export const panBerkshirePolicy: Policy = policySchema.parse(panBerkshirePolicyInput);
