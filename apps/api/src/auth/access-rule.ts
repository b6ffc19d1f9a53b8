import { ROLES, type Role } from '@app/domain';

/**
 * What an endpoint demands, declared next to it with the decorators of access.decorators.ts.
 * An endpoint without a rule is refused (fail closed), and the role × endpoint test fails.
 */
export type AccessRule =
  /** No login at all: health, API documentation, login. */
  | { kind: 'public' }
  | {
      kind: 'roles';
      roles: readonly Role[];
      /** Also readable without login when the region enables its public views. */
      publicRead: boolean;
      /**
       * The route or body field naming the committee a command acts for: a committee member must
       * belong to it; the office acting is recorded as acting on its behalf.
       */
      committeeField?: string;
      /** Commands always concern one region (route parameter, else body `regionId`); without one they are refused. */
      regionRequired?: boolean;
    };

export const ALL_ROLES: readonly Role[] = ROLES;
