import request from 'supertest';
import { COMMAND_ROLES } from '@app/domain';
import { startTestApp, TestApp } from '../support/test-app';

const READS = [
  '/api/regions/{regionId}',
  '/api/regions/{regionId}/conferences/{conferenceId}',
  '/api/regions/{regionId}/committees/{committeeId}',
  '/api/regions/{regionId}/recommendations/{recommendationId}',
];

type Schema = { properties?: Record<string, { example?: unknown; $ref?: string; items?: unknown; maxLength?: number }>; required?: string[] };

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.url).get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  /**
   * The command endpoints as the document lists them (those taking an Idempotency-Key), each with
   * the name of its body; checked complete against the domain's commands below, so no hand-written
   * list of them is kept here.
   */
  const commands = (): Array<[string, string]> =>
    Object.entries(doc.paths)
      .filter(([, ops]) => (ops.post?.parameters as Array<{ in: string; name: string }> | undefined)?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
      .map(([path, ops]) => [path, String(ops.post.requestBody?.content?.['application/json']?.schema?.$ref ?? '').replace('#/components/schemas/', '')]);

  it('documents one command endpoint for each command of the domain', () => {
    expect(commands().length).toBe(Object.keys(COMMAND_ROLES).length);
  });

  it('each command endpoint documents its body, 201 with the result, and the concurrency headers', () => {
    for (const [path, dto] of commands()) {
      const post = doc.paths[path]!.post;
      expect(dto).toMatch(/Dto$/);
      expect(post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/CommandResultDto');
      for (const status of ['400', '404', '409', '412', '422']) expect(post.responses[status]).toBeDefined();
      const headers = (post.parameters as Array<{ in: string; name: string }>).filter((p) => p.in === 'header').map((p) => p.name);
      expect(headers).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
      const schema = doc.components.schemas[dto]!;
      expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('documents an example for every string field of every command body', () => {
    const missing: string[] = [];
    for (const [, dto] of commands()) {
      for (const [name, property] of Object.entries(doc.components.schemas[dto]!.properties ?? {})) {
        const isPlainString = (property as { type?: string; format?: string; enum?: unknown }).type === 'string' && !(property as { format?: string }).format && !(property as { enum?: unknown }).enum;
        if (isPlainString && property.example === undefined) missing.push(`${dto}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the limits of free text (title ≤ 300, text ≤ 20,000)', () => {
    const adopt = doc.components.schemas.AdoptRecommendationDto!.properties!;
    expect(adopt.title!.maxLength).toBe(300);
    expect(adopt.text!.maxLength).toBe(20_000);
  });

  it.each(READS)('GET %s is documented', (path) => {
    expect(doc.paths[path]?.get?.responses['200']).toBeDefined();
  });
});
