// What the write forms offer to choose from, in German; and who may issue what (domain.md "People").
import { ANCHORING, DIRECTION, ROLE, STATUS } from '../labels.js';
import { api } from '../api.js';
import { vocabulary } from '../vocabulary.js';

export const CONFERENCE_KIND = { bildungskonferenz: 'Bildungskonferenz', tag_der_bildung: 'Tag der Bildung' };
export const COMMITTEE_KIND = { fachgremium: 'Fachgremium', ausschuss: 'Ausschuss (politisch)', verwaltung: 'Amt der Verwaltung', extern: 'externe Stelle' };
export const REVIEW_OUTCOME = { sustained: 'nachhaltig verankert', at_risk: 'gefährdet', lapsed: 'nicht mehr wirksam' };

export const options = (table) => Object.entries(table);
export const statusOptions = () => options(STATUS);
export const anchoringOptions = () => options(ANCHORING);
export const directionOptions = () => options(DIRECTION);
export const roleOptions = () => options(ROLE);

/**
 * Who may issue which command: COMMAND_ROLES of libs/domain (permissions.ts) via the server, plus
 * the account administration (office only). The server checks; the interface only offers.
 */
const ROLES_OF = { ...vocabulary.commandRoles, ManageAccounts: ['office'] };

export const mayIssue = (account, command) => (ROLES_OF[command] ?? []).includes(account.role);

/** A committee member acts for its own committees; the office for any (recorded on its behalf). */
export const actsFor = (account, committeeId) => account.role === 'office' || (account.role === 'committee' && (account.committeeIds ?? []).includes(committeeId));

/** Every item of a keyset-paged list (the pickers want all of them). */
export async function everything(path, query = {}) {
  const items = [];
  let cursor;
  for (let page = 0; page < 100; page++) {
    const answer = await api.get(path, { ...query, limit: 200, cursor });
    items.push(...(answer.items ?? []));
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}
