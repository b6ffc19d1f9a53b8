import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { COMMAND_ROLES, type DomainCommandType, type Role } from '@app/domain';
import { ALL_ROLES, type AccessRule } from './access-rule';

export const ACCESS_RULE = 'empfehlungsradar:access-rule';
export const PUBLIC_READ = 'empfehlungsradar:public-read';

type RolesRule = Extract<AccessRule, { kind: 'roles' }>;

/** No login needed at all (health, documentation, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Only these roles, and only in the regions their accounts name. */
export const Allow = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'roles', roles, publicRead: false } satisfies RolesRule), ApiBearerAuth());

/** Every logged-in role of the region may read. */
export const AllowReaders = (): MethodDecorator & ClassDecorator => Allow(...ALL_ROLES);

/**
 * A command endpoint: the roles come from the domain's COMMAND_ROLES. If the command is one a
 * committee issues, `committeeField` names the route parameter (or, failing that, body field)
 * holding the committee: members act only for their own committees, the office on their behalf.
 * Every command names its region (route, or body `regionId` when registering one).
 */
export function AllowCommand(type: DomainCommandType, committeeField = 'committeeId'): MethodDecorator & ClassDecorator {
  const roles: readonly Role[] = COMMAND_ROLES[type];
  const rule: RolesRule = { kind: 'roles', roles, publicRead: false, regionRequired: true, ...(roles.includes('committee') ? { committeeField } : {}) };
  return applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiBearerAuth());
}

/** Also readable without login when the region enables its public views (no personal data!). */
export const PublicRead = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_READ, true);
