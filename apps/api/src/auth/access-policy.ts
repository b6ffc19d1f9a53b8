import type { Actor, CommitteeId, RegionId } from '@app/domain';
import type { AccessRule } from './access-rule';
import { actorOf, type Principal } from './principal';
import type { TokenError } from './token-error';

export type DenyCode = 'auth.required' | 'permission.role' | 'permission.region' | 'permission.committee' | 'permission.undeclared' | TokenError['code'];

export type AccessDecision =
  | { allow: true; principal?: Principal; actor?: Actor }
  | { allow: false; status: 401 | 403; code: DenyCode; message: string };

export interface AccessFacts {
  rule: AccessRule | undefined;
  /** The verified token's principal, the reason the token was refused, or neither (no token). */
  principal?: Principal;
  tokenError?: TokenError;
  /** The region the request concerns (route parameter, else body), if any. */
  regionId?: RegionId;
  /** The committee a committee-scoped command names, if any. */
  committeeId?: CommitteeId;
  /** Whether the region shows its public views; asked only for anonymous public reads. */
  publicViews: boolean;
}

const deny = (status: 401 | 403, code: DenyCode, message: string): AccessDecision => ({ allow: false, status, code, message });

/** The one decision of who may do what; pure, so every branch is a unit test. */
export function decideAccess(f: AccessFacts): AccessDecision {
  const { rule } = f;
  if (rule === undefined) return deny(403, 'permission.undeclared', 'Für diesen Endpunkt ist keine Berechtigung festgelegt; der Zugriff wird verweigert.');
  if (rule.kind === 'public') return { allow: true };
  if (f.tokenError) return deny(401, f.tokenError.code, f.tokenError.message);
  const { principal } = f;
  if (!principal) {
    if (rule.publicRead && f.regionId !== undefined && f.publicViews) return { allow: true };
    return deny(401, 'auth.required', 'Bitte melden Sie sich an.');
  }
  if (!rule.roles.includes(principal.role)) return deny(403, 'permission.role', `Die Rolle „${principal.role}“ darf diese Aktion nicht ausführen.`);
  if (rule.regionRequired && f.regionId === undefined)
    return deny(403, 'permission.region', 'Der Befehl nennt keine Bildungsregion (regionId), für die Ihr Konto freigeschaltet ist.');
  if (f.regionId !== undefined && !principal.regionIds.includes(f.regionId.toLowerCase()))
    return deny(403, 'permission.region', 'Ihr Konto ist für diese Bildungsregion nicht freigeschaltet.');
  const scoped = rule.committeeField !== undefined;
  const committeeId = f.committeeId?.toLowerCase();
  if (scoped && principal.role === 'committee' && (committeeId === undefined || !principal.committeeIds.includes(committeeId)))
    return deny(403, 'permission.committee', 'Gremienmitglieder können nur für ihre eigenen Gremien handeln.');
  return { allow: true, principal, actor: actorOf(principal, scoped ? committeeId : undefined) };
}
