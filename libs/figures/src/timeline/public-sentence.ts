import type { RecommendationEvent } from '@app/domain';
import type { PublicContext } from './context';
import { EVENT_WORDINGS } from './event-sentences';

type Say = (event: RecommendationEvent, ctx: PublicContext) => string | null;

/**
 * The sentence the public page "Was wurde aus …?" shows for an event (data as corrected), or null
 * for events it does not show; see `public` in EVENT_WORDINGS.
 */
export function publicSentence(event: RecommendationEvent, ctx: PublicContext): string | null {
  return (EVENT_WORDINGS[event.type].public as Say)(event, ctx);
}
