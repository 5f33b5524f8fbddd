// Parsed membership rules by their text: a policy's rule is checked for every user on every evaluation, and its
// text was already accepted when the policy was written. Bounded, so distinct rules cannot grow it without end.
import { type Rule, parseMembershipRule } from './membership-rule.ts';

const MAX_CACHED = 256;
const parsed = new Map<string, Rule>();

export function storedRule(text: string): Rule {
  let rule = parsed.get(text);
  if (!rule) {
    rule = parseMembershipRule(text);
    if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, rule);
  }
  return rule;
}
