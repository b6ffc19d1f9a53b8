// Page numbers over the API's keyset cursor: page n starts after the first (n-1)·size items.
import { api } from '../api.js';
import { h } from '../dom.js';

/** The cursor page n starts at (undefined for page 1), found by reading up to 200 items a time. */
export async function pageStart(path, query, n, size) {
  let cursor;
  for (let remaining = (n - 1) * size; remaining > 0; ) {
    const limit = Math.min(200, remaining);
    const answer = await api.get(path, { ...query, cursor, limit });
    // Fewer items than the page number needs: the last page read is the best answer.
    if (!answer.nextCursor) return cursor;
    cursor = answer.nextCursor;
    remaining -= limit;
  }
  return cursor;
}

/** "« Zurück 1 2 [3] 4 … 9 Weiter »": every page near the current one, the first and the last. */
export function pageNav(total, size, current, hrefOf) {
  const last = Math.max(1, Math.ceil(total / size));
  if (last === 1) return null;
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const items = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1] > 1) items.push(h('li', { class: 'luecke', 'aria-hidden': 'true' }, '…'));
    items.push(h('li', {}, n === current
      ? h('a', { href: hrefOf(n), 'aria-current': 'page', class: 'seite-aktuell' }, String(n))
      : h('a', { href: hrefOf(n), 'aria-label': `Seite ${n}` }, String(n))));
  });
  return h('nav', { class: 'seiten', 'aria-label': 'Seiten' },
    current > 1 ? h('a', { href: hrefOf(current - 1), class: 'knopf-leise', rel: 'prev' }, '« Vorige Seite') : null,
    h('ol', { class: 'seitenzahlen' }, items),
    current < last ? h('a', { href: hrefOf(current + 1), class: 'knopf', rel: 'next' }, 'Nächste Seite »') : null,
  );
}
