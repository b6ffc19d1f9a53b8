import { decideAccess, type AccessFacts } from './access-policy';
import type { AccessRule } from './access-rule';
import type { Principal } from './principal';
import { TokenError } from './token-error';

const REGION = '11111111-1111-4111-8111-111111111111';
const OTHER_REGION = '22222222-2222-4222-8222-222222222222';
const OWN = '33333333-3333-4333-8333-333333333333';
const FOREIGN = '44444444-4444-4444-8444-444444444444';

const who = (role: Principal['role'], committeeIds: string[] = []): Principal => ({ userId: `${role}-1`, role, regionIds: [REGION], committeeIds, source: 'local' });
type RolesRule = Extract<AccessRule, { kind: 'roles' }>;
const roles = (r: RolesRule['roles'], extra: Partial<RolesRule> = {}): AccessRule => ({
  kind: 'roles',
  roles: r,
  publicRead: false,
  ...extra,
});
const facts = (f: Partial<AccessFacts>): AccessFacts => ({ rule: undefined, publicViews: false, regionId: REGION, ...f });
const outcome = (f: Partial<AccessFacts>) => {
  const d = decideAccess(facts(f));
  return d.allow ? 'allow' : `${d.status} ${d.code}`;
};

describe('decideAccess', () => {
  it.each([
    ['an endpoint without a rule, even for the office', { principal: who('office') }, '403 permission.undeclared'],
    ['a public endpoint without a token', { rule: { kind: 'public' } as AccessRule }, 'allow'],
    ['no token', { rule: roles(['office']) }, '401 auth.required'],
    ['an expired token', { rule: roles(['office']), tokenError: new TokenError('auth.token-expired', 'abgelaufen') }, '401 auth.token-expired'],
    ['the right role in its region', { rule: roles(['office', 'steering']), principal: who('steering') }, 'allow'],
    ['a role the endpoint does not list', { rule: roles(['office']), principal: who('auditor') }, '403 permission.role'],
    ['another region', { rule: roles(['office']), principal: who('office'), regionId: OTHER_REGION }, '403 permission.region'],
    ['a region id in other letter case', { rule: roles(['office']), principal: who('office'), regionId: REGION.toUpperCase() }, 'allow'],
    ['an endpoint without region', { rule: roles(['auditor']), principal: who('auditor'), regionId: undefined }, 'allow'],
    ['a command naming no region', { rule: roles(['office'], { regionRequired: true }), principal: who('office'), regionId: undefined }, '403 permission.region'],
    ['a member for its own committee', { rule: roles(['committee'], { committeeField: 'committeeId' }), principal: who('committee', [OWN]), committeeId: OWN }, 'allow'],
    ['a member for a foreign committee', { rule: roles(['committee'], { committeeField: 'committeeId' }), principal: who('committee', [OWN]), committeeId: FOREIGN }, '403 permission.committee'],
    ['a member naming no committee', { rule: roles(['committee'], { committeeField: 'committeeId' }), principal: who('committee', [OWN]) }, '403 permission.committee'],
    ['the office for any committee', { rule: roles(['committee', 'office'], { committeeField: 'committeeId' }), principal: who('office'), committeeId: FOREIGN }, 'allow'],
    ['anonymous public read, views enabled', { rule: roles(['auditor'], { publicRead: true }), publicViews: true }, 'allow'],
    ['anonymous public read, views disabled', { rule: roles(['auditor'], { publicRead: true }), publicViews: false }, '401 auth.required'],
    ['anonymous public read without region', { rule: roles(['auditor'], { publicRead: true }), publicViews: true, regionId: undefined }, '401 auth.required'],
    ['a bad token on a public read', { rule: roles(['auditor'], { publicRead: true }), publicViews: true, tokenError: new TokenError('auth.token-invalid', 'x') }, '401 auth.token-invalid'],
  ] as [string, Partial<AccessFacts>, string][])('%s: %s', (_, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });

  it('records the office acting for a committee as acting on its behalf, and nobody else', () => {
    const scoped = roles(['committee', 'office'], { committeeField: 'committeeId' });
    const office = decideAccess(facts({ rule: scoped, principal: who('office'), committeeId: OWN }));
    const member = decideAccess(facts({ rule: scoped, principal: who('committee', [OWN]), committeeId: OWN }));
    const unscoped = decideAccess(facts({ rule: roles(['office']), principal: who('office'), committeeId: OWN }));
    expect(office.allow && office.actor).toEqual({ userId: 'office-1', role: 'office', committeeIds: [], onBehalfOf: OWN });
    expect(member.allow && member.actor).toEqual({ userId: 'committee-1', role: 'committee', committeeIds: [OWN] });
    expect(unscoped.allow && unscoped.actor).toEqual({ userId: 'office-1', role: 'office', committeeIds: [] });
  });
});
