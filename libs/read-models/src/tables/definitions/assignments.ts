import { boolean, date, defineTable, integer, nullable, text, type RowOf } from '../define';

export const assignmentsTable = defineTable({
  name: 'assignments',
  entity: 'ReadModelAssignment',
  columns: {
    recommendation_id: text,
    /** Order of the hand-off within its recommendation. */
    seq: integer,
    region_id: text,
    committee_id: text,
    state: text,
    decided_on: date,
    report_due_on: date,
    answered_on: nullable(date),
    withdrawn_on: nullable(date),
    withdrawn_while_pending: boolean,
    current_due_on: nullable(date),
    /** Active and without a final report: overdue = can_be_overdue AND current_due_on < today. */
    can_be_overdue: boolean,
    last_status: nullable(text),
    last_reported_on: nullable(date),
    reports: integer,
  },
  primaryKey: ['recommendation_id', 'seq'],
  bulk: true,
  indexes: [
    { name: 'assignments_committee', columns: ['region_id', 'committee_id', 'state'] },
    { name: 'assignments_due', columns: ['region_id', 'current_due_on'], where: 'can_be_overdue' },
  ],
});
export type AssignmentRow = RowOf<typeof assignmentsTable>;
