// The membership-rule subset, operator by operator, against users as the directory holds them.
import type { User } from '@entitlement-kit/sdk';
import { describe, expect, it } from 'vitest';
import { matchesRule, parseMembershipRule } from '../../src/core/membership-rule.ts';
import { MockGraphError } from '../../src/core/errors.ts';

const adele: User = { '@odata.type': '#microsoft.graph.user', id: 'u1', displayName: 'Adele Vance', department: 'Sales', jobTitle: 'Account Executive', accountEnabled: true };
const noDepartment: User = { '@odata.type': '#microsoft.graph.user', id: 'u2', displayName: 'Rob Young', accountEnabled: false };
const matches = (rule: string, user: User) => matchesRule(parseMembershipRule(rule), user);

describe('membership rules', () => {
  it.each([
    ['user.department -eq "sales"', true, false],
    ['user.department -ne "Sales"', false, true],
    ['user.jobTitle -startsWith "ACC"', true, false],
    ['user.jobTitle -notStartsWith "Acc"', false, true],
    ['user.displayName -contains "vanc"', true, false],
    ['user.displayName -notContains "Vance"', false, true],
    ['user.department -in ["Finance", "Sales"]', true, false],
    ['user.department -notIn ["Finance", "Sales"]', false, true],
    ['user.department -eq null', false, true],
    ['user.accountEnabled -eq true', true, false],
    ['-not (user.accountEnabled -eq true)', false, true],
    ['(user.department -eq "Sales") -or (user.displayName -eq "Rob Young")', true, true],
    ['User.Department -EQ "Sales" -AND user.jobTitle -eq "Account Executive"', true, false],
    ['user.displayName -eq "Adele `"Vance`""', false, false],
  ])('%s', (rule, forAdele, forRob) => {
    expect([matches(rule, adele), matches(rule, noDepartment)]).toEqual([forAdele, forRob]);
  });

  it('a backtick escapes a quote inside a value', () => {
    expect(matches('user.displayName -eq "Say `"hi`""', { '@odata.type': '#microsoft.graph.user', id: 'u3', displayName: 'Say "hi"' })).toBe(true);
  });

  it('-and binds tighter than -or', () => {
    expect(matches('user.department -eq "x" -and user.department -eq "y" -or user.jobTitle -eq "Account Executive"', adele)).toBe(true);
  });

  it('refuses what it does not support, naming the position', () => {
    const error = (() => {
      try {
        parseMembershipRule('user.department -eq "Sales" -and user.manager -eq "x"');
      } catch (e) {
        return e as MockGraphError;
      }
    })();
    expect(error).toBeInstanceOf(MockGraphError);
    expect({ status: error?.status, code: error?.code }).toEqual({ status: 400, code: 'InvalidMembershipRule' });
    expect(error?.message).toContain('position 33');
  });
});
