import { accountProblem } from '../accounts';
import { parseUserCreateArgs, UsageError } from './user-create-args';

const REGION = '0a0a0a0a-0000-4000-8000-000000000001';
const COMMITTEE = '0c0c0c0c-0000-4000-8000-000000000003';

describe('npm run user:create arguments', () => {
  it('reads region(s), e-mail, role, committees and name', () => {
    expect(parseUserCreateArgs(['--region', REGION, '--email', 'buero@beispiel.de', '--role', 'office'])).toEqual({
      regionIds: [REGION],
      email: 'buero@beispiel.de',
      role: 'office',
      committeeIds: [],
    });
    expect(
      parseUserCreateArgs(['--region', REGION, '--email', 'g@b.de', '--role', 'committee', '--committee', COMMITTEE, '--name', 'Frau G.']),
    ).toMatchObject({ committeeIds: [COMMITTEE], displayName: 'Frau G.' });
  });

  it('refuses missing or unknown options with a usage error, and never takes a password argument', () => {
    expect(() => parseUserCreateArgs(['--email', 'a@b.de', '--role', 'office'])).toThrow(UsageError);
    expect(() => parseUserCreateArgs(['--region', REGION, '--email', 'a@b.de', '--role', 'office', '--password', 'x'])).toThrow(UsageError);
  });

  it('checks role, ids and committees before asking for the password', () => {
    const base = { email: 'a@b.de', password: 'lang-genug-123', regionIds: [REGION] };
    expect(accountProblem({ ...base, role: 'admin' as never })?.code).toBe('account.role-invalid');
    expect(accountProblem({ ...base, role: 'office', regionIds: ['Düsseldorf'] })?.code).toBe('account.id-invalid');
    expect(accountProblem({ ...base, role: 'committee' })?.code).toBe('account.committee-missing');
    expect(accountProblem({ ...base, role: 'office', committeeIds: [COMMITTEE] })?.code).toBe('account.committee-unexpected');
    expect(accountProblem({ ...base, role: 'office', password: 'kurz' })?.code).toBe('account.password-weak');
    expect(accountProblem({ ...base, role: 'office' })).toBeUndefined();
  });
});
