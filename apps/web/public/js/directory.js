// Names for the filters (conferences, committees, fields of action), read once per region and tab.
import { api } from './api.js';

const cache = new Map();

/** Every recommendation of the region as the list answers them (all pages). */
export async function allListItems(regionId) {
  const items = [];
  let cursor;
  for (let page = 0; page < 50; page++) {
    const answer = await api.get(`/regions/${regionId}/recommendations`, { limit: 200, cursor });
    items.push(...(answer.items ?? []));
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

export function directory(regionId) {
  if (!cache.has(regionId)) {
    const loading = (async () => {
      const [funnel, scorecard, items] = await Promise.all([
        api.get(`/regions/${regionId}/views/funnel`),
        api.get(`/regions/${regionId}/views/committee-scorecard`),
        allListItems(regionId),
      ]);
      const collator = new Intl.Collator('de');
      return {
        conferences: (funnel.conferences ?? []).map((c) => ({ id: c.conferenceId, label: c.label, date: c.date })),
        committees: (scorecard.committees ?? []).map((c) => ({ id: c.committeeId, name: c.name })).sort((a, b) => collator.compare(a.name, b.name)),
        fieldsOfAction: [...new Set(items.flatMap((i) => i.fieldsOfAction ?? []))].sort(collator.compare),
      };
    })();
    // A failed read is not kept: the next page load tries again.
    loading.catch(() => cache.delete(regionId));
    cache.set(regionId, loading);
  }
  return cache.get(regionId);
}
