import { type Policy, type PolicyInput, policySchema } from './schema';

/**
 * The Pan Berkshire procedure "Resolving Professional Disagreement and
 * Escalation" (Pan Berkshire Child Protection Procedures Manual, March 2026),
 * written as data. Wording in `action`, `wording` and duties follows the
 * procedure; where it is quoted, it is quoted exactly.
 */

// The procedure repeats the same two duties at every stage ("At any stage of the process…").
const feedBack = {
  kind: 'feed-back',
  id: 'feed-back',
  text: 'Feed any action agreed back immediately to the relevant practitioners and managers involved.',
  required: true,
} as const;

const recordOnFile = {
  kind: 'record-on-file',
  id: 'record-on-file',
  text: "Record the detail of the escalation and the agreements reached on the child's file held by each involved agency.",
  required: true,
} as const;

const shareWithBusinessManager = {
  kind: 'notify',
  id: 'share-with-business-manager',
  text: 'Share the details with the Safeguarding Children Partnership Business Manager as evidence of escalation.',
  recipient: 'business-manager',
  required: true,
} as const;

const mayNotifyScrutineer = {
  kind: 'notify',
  id: 'notify-independent-scrutineer',
  text: 'The Independent Scrutineer can also be notified.',
  recipient: 'independent-scrutineer',
  required: false,
} as const;

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
  effectiveDate: '2026-03-01',
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
  ],
  stages: [
    {
      number: 1,
      name: 'Promoting discussion to find a resolution for the child',
      skippableWhenUrgent: false,
    },
    { number: 2, name: 'Management finding solutions', skippableWhenUrgent: false },
    { number: 3, name: 'Formal resolution', skippableWhenUrgent: false },
    { number: 4, name: 'When no solution is reached between senior leaders', skippableWhenUrgent: false },
  ],
  steps: [
    {
      id: '1a',
      stage: 1,
      title: 'Discussion between the professionals involved',
      kind: 'discussion',
      action:
        'The professionals involved attempt to resolve the difference of opinion through discussion and negotiation, and find a solution for the child.',
      involved: ['professionals-involved'],
      timescale: {
        duration: { unit: 'working-days', amount: 1 },
        from: { from: 'difference-started' },
        wording: 'within one working day',
      },
      recording,
      duties: [feedBack, recordOnFile],
    },
    {
      id: '1b',
      stage: 1,
      title: 'Discussion between line managers / team managers',
      kind: 'discussion',
      action:
        'If the professionals cannot resolve it, the practitioner(s) report it to their line manager / team manager, who review the available information and try to resolve the concern through discussion.',
      involved: ['line-managers'],
      consider: [
        'Where a concern is ongoing or progress is slow, instigate a professionals meeting to understand the risks and the lived experience of the child.',
        'The involvement of the designated or named professional for safeguarding.',
      ],
      timescale: {
        duration: { unit: 'working-days', amount: 2 },
        from: { from: 'difference-started' },
        wording: 'within 24 hours (e.g within two working days of the start of the difference of opinion)',
      },
      recording,
      duties: [feedBack, recordOnFile],
    },
    {
      id: '2',
      stage: 2,
      title: 'Discussion at the next management level or with appropriate safeguarding leads',
      kind: 'discussion',
      action:
        'Where it cannot be resolved at frontline / team manager level, seek solutions at the next management level or with the appropriate safeguarding lead between the services or organisations concerned, with direct communication with the designated or named professional for safeguarding in the agency that raised the matter. This is standard practice to support resolution for the child.',
      involved: ['next-management-level', 'raising-agency-safeguarding-professional'],
      timescale: {
        duration: { unit: 'working-days', amount: 3 },
        from: { from: 'difference-started' },
        wording: 'within 24 hours (e.g within 3 working days of the start of the difference of opinion)',
      },
      recording,
      duties: [feedBack, recordOnFile, shareWithBusinessManager, mayNotifyScrutineer],
    },
    {
      id: '3',
      stage: 3,
      title: 'Discussion between senior managers with responsibility for safeguarding',
      kind: 'discussion',
      action:
        'Refer the matter to a senior manager with responsibility for safeguarding, who considers it with an equivalent level of management in the concerned agency, so that the differing opinions are thoroughly considered, gaps in communication are addressed and a consensus is reached in the best interests of the child.',
      involved: ['senior-safeguarding-managers'],
      timescale: {
        duration: { unit: 'working-days', amount: 4 },
        from: { from: 'difference-started' },
        wording: 'within 24 hours (e.g. within 4 working days of the start of the difference of opinion)',
      },
      recording,
      duties: [feedBack, recordOnFile, shareWithBusinessManager, mayNotifyScrutineer],
    },
    {
      id: '4',
      stage: 4,
      title: 'Meeting of senior managers with operational responsibility for the case',
      kind: 'meeting',
      action:
        'Refer the matter to the departmental head with lead responsibility for safeguarding, who reports it to the relevant local Statutory Safeguarding Children Partners and the Independent Scrutineer, and instigates a meeting of senior managers with operational responsibility for the case to review the issues and give the agencies a final opportunity to reach a full understanding before a decision is finalised.',
      involved: ['departmental-head', 'operational-senior-managers'],
      consider: ['An independent facilitator for the meeting.'],
      timescale: {
        duration: { unit: 'working-days', amount: 6 },
        from: { from: 'difference-started' },
        wording:
          'within a maximum of 48 hours (e.g. within 6 working days of the start of the difference of opinion)',
      },
      recording,
      duties: [
        feedBack,
        recordOnFile,
        {
          kind: 'notify',
          id: 'report-to-statutory-partners',
          text: 'The departmental head reports the matter to the relevant local Statutory Safeguarding Children Partners.',
          recipient: 'statutory-partners',
          required: true,
        },
        {
          kind: 'notify',
          id: 'report-to-independent-scrutineer',
          text: 'The departmental head reports the matter to the Independent Scrutineer.',
          recipient: 'independent-scrutineer',
          required: true,
        },
        // "From stage 2 onwards the details should also be shared with the … Business Manager" (Conclusion).
        shareWithBusinessManager,
        {
          kind: 'notify',
          id: 'chair-reports-to-subgroup',
          text: 'The Chair of the meeting reports on issues arising from the process to the Serious Case Review Subgroup of the local Multi-Agency Safeguarding Children Partnership.',
          recipient: 'serious-case-review-subgroup',
          required: true,
        },
      ],
    },
  ],
  urgentTrack: {
    description:
      'In emergency cases it may be appropriate to escalate concerns more quickly than the timescales set out. The procedure sets no separate urgent timescales and no stage is skipped, but a step may be moved ahead of its timescale; record why.',
    reasonRequired: true,
  },
  nonLinearNote:
    'Responding to professional disagreements will not always be a linear process, and in emergency cases it may be appropriate to escalate concerns more quickly than the timescales set out.',
  imminentRisk: {
    question:
      "Do you consider the child to be at imminent risk of harm because of the other agency's decision, and does the other agency's professional disagree?",
    actions: [
      "Refer directly to your own agency's Safeguarding Lead now.",
      'If your agency has no Safeguarding Lead, or they are not available, refer directly to your line manager.',
    ],
    emergency:
      'Where the risk is so immediate that there is no time for this, use your professional judgement and, as appropriate, dial 999 and ask for police assistance.',
  },
  outOfScope: [
    {
      id: 'conference-decision',
      title: 'Disagreement with a decision of a child protection conference',
      routeTo: 'The child protection conference dissent procedure',
    },
    {
      id: 'complaint',
      title: 'A complaint about a service',
      routeTo: "The agency's complaints procedure",
    },
    {
      id: 'whistleblowing',
      title: 'Concerns about wrongdoing or unsafe practice within an organisation',
      routeTo: 'The whistleblowing procedure',
    },
  ],
  outcomes: [
    { id: 'resolved', label: 'Resolved: agreement reached', ends: true },
    { id: 'escalated', label: 'Escalated to the next stage', ends: false },
    { id: 'unresolved', label: 'Unresolved after stage 4', ends: true },
    {
      id: 'referred-to-partnership',
      label: 'Referred to the partnership (multi-agency case review or policy subgroup)',
      ends: true,
    },
    { id: 'withdrawn', label: 'Withdrawn by the professional who raised it', ends: true },
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
    'If the process highlights gaps in policies and procedures, bring them to the attention of the Local Statutory Safeguarding Children Partners and refer them to the Pan Berkshire Children Policy and Procedures Subgroup.',
    'Where it has not been possible to resolve differences, and/or where there may be lessons to be learned for future practice, consider holding a multi-agency case review.',
  ],
} satisfies PolicyInput;

/** The built-in default policy. */
export const panBerkshirePolicy: Policy = policySchema.parse(panBerkshirePolicyInput);
