import type { Actor, DomainEvent } from '@app/domain';
import type { DescribeContext } from './context';
import { EVENT_WORDINGS } from './event-sentences';
import { quoted } from './words';

export type { DescribeContext } from './context';
export { germanDate } from './words';

type Describe = (event: DomainEvent, ctx: DescribeContext) => string;

/** One German sentence (or two) saying what an event records, for the timeline (sentenceOf adds the correction context). */
export function describeEvent(event: DomainEvent, ctx: DescribeContext): string {
  return (EVENT_WORDINGS[event.type].timeline as Describe)(event, ctx);
}

/** " Erfasst vom Bildungsbüro im Namen des Gremiums „…“." when the office acted for a committee. */
export function onBehalfSuffix(actor: Pick<Actor, 'onBehalfOf'> | undefined, ctx: Pick<DescribeContext, 'committeeName'>): string {
  if (!actor?.onBehalfOf) return '';
  const name = ctx.committeeName(actor.onBehalfOf);
  return ` Erfasst vom Bildungsbüro im Namen ${name ? `des Gremiums ${quoted(name)}` : 'eines Gremiums'}.`;
}
