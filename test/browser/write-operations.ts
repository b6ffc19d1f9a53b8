import request from 'supertest';

export interface WriteOperation {
  /** "POST /api/regions/{regionId}/recommendations/{recommendationId}/hand-offs", "DELETE …/subscriptions/{subscriptionId}" */
  key: string;
  /** Matches a concrete request path of this operation. */
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every POST, PUT and DELETE under /api/regions/{regionId}/ in the running app's OpenAPI document, read at
 * test time: an endpoint added later without a form in the interface fails the suite.
 */
export async function writeOperations(url: string): Promise<WriteOperation[]> {
  const doc = (await request(url).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/regions/{regionId}/'))
    .flatMap(([path, ops]) =>
      ['post', 'put', 'delete']
        .filter((m) => m in ops)
        .map((m) => ({
          key: `${m.toUpperCase()} ${path}`,
          pattern: new RegExp(`^${path.split(/\{\w+\}/).map(escape).join('[^/]+')}$`),
        })),
    )
    .sort((a, b) => a.key.localeCompare(b.key));
}
