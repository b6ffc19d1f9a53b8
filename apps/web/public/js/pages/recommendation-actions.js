// What the signed-in role may do with this recommendation, as forms beside what it shows. Each
// role sees only its own commands (domain.md "People"); a committee member only for its committees.
import { h } from '../dom.js';
import { actsFor, everything, mayIssue } from '../forms/choices.js';
import { savedAndReload } from '../forms/command-form.js';
import {
  acceptForm, amendForm, correctionForm, declineForm, handOffForm, indicatorForm, measurementForm, outcomeForm,
  reviewForm, reviseDueDateForm, statusReportForm, supersedeForm, verifyForm, withdrawForm, withdrawHandOffForm,
} from '../forms/recommendation-forms.js';

const RETIRED = new Set(['withdrawn', 'superseded']);

export async function recommendationActions(ctx, page) {
  const { account, region } = ctx;
  const r = page.recommendation;
  const rec = {
    regionId: region.regionId,
    recommendationId: r.recommendationId,
    revision: () => page.revision,
    open: ctx.params.get('aktion') ?? undefined,
    done: (message) => savedAndReload(message),
  };
  const retired = RETIRED.has(r.lifecycle);
  const mine = (a) => actsFor(account, a.committeeId);
  const pending = page.assignments.filter((a) => a.state === 'pending' && mine(a));
  const accepted = page.assignments.filter((a) => a.state === 'accepted' && mine(a));
  const active = page.assignments.filter((a) => a.state === 'pending' || a.state === 'accepted');
  const measurable = page.indicators.filter((i) => mine(i));
  const reported = page.assignments.some((a) => a.reports.some((rep) => rep.status === 'implemented' || rep.status === 'partially_implemented'));

  const forms = [];
  if (mayIssue(account, 'AcceptHandOff') && pending.length && !retired) forms.push(acceptForm(rec, pending), declineForm(rec, pending));
  if (mayIssue(account, 'ReportImplementationStatus') && accepted.length && !retired) forms.push(statusReportForm(rec, accepted));
  if (mayIssue(account, 'DefineImpactIndicator') && accepted.length && !retired) forms.push(indicatorForm(rec, accepted));
  if (mayIssue(account, 'RecordImpactMeasurement') && measurable.length && !retired) forms.push(measurementForm(rec, measurable));
  if (mayIssue(account, 'HandOffRecommendation') && !retired) {
    const committees = await everything(`/regions/${region.regionId}/committees`, { status: 'active' });
    const free = committees.filter((c) => !active.some((a) => a.committeeId === c.committeeId));
    forms.push(handOffForm(rec, free));
  }
  if (mayIssue(account, 'WithdrawHandOff') && active.length && !retired) forms.push(withdrawHandOffForm(rec, active));
  if (mayIssue(account, 'ReviseReportDueDate') && active.length && !retired) forms.push(reviseDueDateForm(rec, active));
  // Four eyes: the office does not check what it recorded in a committee's name; the server says so if it tries.
  for (const a of page.assignments.filter((x) => x.claim?.verification === 'awaiting' && (x.state === 'accepted'))) {
    if (mayIssue(account, 'VerifyImplementation')) forms.push(verifyForm(rec, { committeeId: a.committeeId, committee: a.committee, evidence: a.claim.evidence }));
  }
  if (mayIssue(account, 'ReviewSustainability') && reported && !retired) forms.push(reviewForm(rec));
  if (mayIssue(account, 'WithdrawRecommendation') && !retired) forms.push(withdrawForm(rec));
  if (mayIssue(account, 'SupersedeRecommendation') && !retired) {
    const all = await everything(`/regions/${region.regionId}/recommendations`);
    forms.push(supersedeForm(rec, all.filter((i) => i.recommendationId !== r.recommendationId)));
  }
  if (mayIssue(account, 'AmendRecommendation')) forms.push(amendForm(rec, r));
  if (mayIssue(account, 'ReportOutcomeToConference')) {
    const conferences = await everything(`/regions/${region.regionId}/conferences`);
    forms.push(outcomeForm(rec, conferences.filter((c) => c.date > (page.recommendation.adoptedOn ?? ''))));
  }
  if (mayIssue(account, 'CorrectEntry')) forms.push(correctionForm(rec, page.timeline.filter((e) => e.type !== 'EntryCorrected')));
  if (forms.length === 0) return null;
  return h('section', { class: 'abschnitt nicht-drucken aufgaben', 'aria-labelledby': 'aufgaben-titel' },
    h('h2', { id: 'aufgaben-titel' }, 'Aufgaben'),
    h('p', { class: 'hinweis' }, account.role === 'office' && (pending.length || accepted.length)
      ? 'Was Sie im Namen eines Gremiums erfassen, wird als solches vermerkt.'
      : 'Jede Eingabe wird mit Ihrem Namen und der Uhrzeit im Verlauf vermerkt.'),
    forms,
  );
}
