import { describe, expect, it } from 'vitest';
import { panBerkshirePolicy } from '../policy';
import { contactRoleFor, contactsForPolicyRoles, isContactSet, policyRolesByContact } from './contacts';
import { BERKSHIRE_WEST_BUSINESS_MANAGER, contactRoles, defaultSettings } from './schema';

describe('which contact a policy role is', () => {
  it('names a Pan Berkshire role for every contact the practitioner keeps', () => {
    const roleIds = new Set(panBerkshirePolicy.roles.map((role) => role.id));
    for (const role of contactRoles) {
      expect(policyRolesByContact[role].length).toBeGreaterThan(0);
      for (const roleId of policyRolesByContact[role]) expect(roleIds).toContain(roleId);
    }
  });

  it('maps the Pan Berkshire roles the procedure tells the practitioner to contact', () => {
    expect(contactRoleFor('raising-agency-safeguarding-professional')).toBe('safeguardingLead');
    expect(contactRoleFor('line-managers')).toBe('lineManager');
    expect(contactRoleFor('business-manager')).toBe('businessManager');
    expect(contactRoleFor('independent-scrutineer')).toBe('independentScrutineer');
  });

  it('has no contact for roles that are people in other agencies or partnership bodies', () => {
    expect(contactRoleFor('professionals-involved')).toBeUndefined();
    expect(contactRoleFor('senior-safeguarding-managers')).toBeUndefined();
    expect(contactRoleFor('statutory-partners')).toBeUndefined();
  });

  it('reaches the notify duties of Pan Berkshire’s stage 2 (Business Manager, Independent Scrutineer)', () => {
    const stage2 = panBerkshirePolicy.steps.find((step) => step.id === '2');
    const recipients = (stage2?.duties ?? []).flatMap((duty) =>
      duty.kind === 'notify' ? [duty.recipient] : [],
    );
    // The policy-gap referral goes to partnership bodies the practitioner keeps no contact for.
    expect(recipients.map(contactRoleFor)).toEqual(['businessManager', 'independentScrutineer', undefined]);
  });
});

describe('the contacts for a step’s roles', () => {
  it('gives each contact once, in the policy’s order, with the contact only when one is set', () => {
    const contacts = {
      ...defaultSettings.contacts,
      lineManager: { name: 'Jo Okafor', email: 'jo.okafor@reading.gov.uk' },
      safeguardingLead: { note: 'Ask reception' },
    };
    expect(
      contactsForPolicyRoles(
        [
          'next-management-level',
          'raising-agency-safeguarding-professional',
          'line-managers',
          'line-managers',
        ],
        contacts,
      ),
    ).toEqual([
      { role: 'safeguardingLead' },
      { role: 'lineManager', contact: { name: 'Jo Okafor', email: 'jo.okafor@reading.gov.uk' } },
    ]);
    expect(contactsForPolicyRoles(['business-manager'], contacts)).toEqual([
      { role: 'businessManager', contact: BERKSHIRE_WEST_BUSINESS_MANAGER },
    ]);
    expect(contactsForPolicyRoles(['professionals-involved'], contacts)).toEqual([]);
  });

  it('counts a contact as set only when there is a name, email or phone that is not blank', () => {
    expect(isContactSet(undefined)).toBe(false);
    expect(isContactSet({})).toBe(false);
    expect(isContactSet({ name: '  ', email: '' })).toBe(false);
    expect(isContactSet({ note: 'On leave until March' })).toBe(false);
    expect(isContactSet({ phone: '0118 937 3641' })).toBe(true);
  });
});
