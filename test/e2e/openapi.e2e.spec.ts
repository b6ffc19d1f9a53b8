import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

/** Every command endpoint, with the request body it documents. */
const COMMANDS: Array<[string, string]> = [
  ['/api/regions', 'RegisterRegionDto'],
  ['/api/regions/{regionId}/conferences', 'ScheduleConferenceDto'],
  ['/api/regions/{regionId}/conferences/{conferenceId}/held', 'HoldConferenceDto'],
  ['/api/regions/{regionId}/conferences/{conferenceId}/rescheduling', 'RescheduleConferenceDto'],
  ['/api/regions/{regionId}/committees', 'RegisterCommitteeDto'],
  ['/api/regions/{regionId}/committees/{committeeId}/renaming', 'RenameCommitteeDto'],
  ['/api/regions/{regionId}/committees/{committeeId}/dissolution', 'DissolveCommitteeDto'],
  ['/api/regions/{regionId}/recommendations', 'AdoptRecommendationDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/amendments', 'AmendRecommendationDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/hand-offs', 'HandOffRecommendationDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/hand-offs/{committeeId}/acceptance', 'AcceptHandOffDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/hand-offs/{committeeId}/decline', 'DeclineHandOffDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/hand-offs/{committeeId}/withdrawal', 'WithdrawHandOffDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/status-reports', 'ReportImplementationStatusDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/indicators', 'DefineImpactIndicatorDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/indicators/{indicatorId}/measurements', 'RecordImpactMeasurementDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/sustainability-reviews', 'ReviewSustainabilityDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/outcome-reports', 'ReportOutcomeToConferenceDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/withdrawal', 'WithdrawRecommendationDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/supersession', 'SupersedeRecommendationDto'],
  ['/api/regions/{regionId}/recommendations/{recommendationId}/corrections', 'CorrectEntryDto'],
];

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

  it.each(COMMANDS)('POST %s documents its body %s, 201 with the result, and the concurrency headers', (path, dto) => {
    const post = doc.paths[path]?.post;
    expect(post).toBeDefined();
    expect(post.requestBody.content['application/json'].schema.$ref).toBe(`#/components/schemas/${dto}`);
    expect(post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/CommandResultDto');
    for (const status of ['400', '404', '409', '412', '422']) expect(post.responses[status]).toBeDefined();
    const headers = (post.parameters as Array<{ in: string; name: string }>).filter((p) => p.in === 'header').map((p) => p.name);
    expect(headers).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
    const schema = doc.components.schemas[dto]!;
    expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
  });

  it('documents an example for every string field of every command body', () => {
    const missing: string[] = [];
    for (const [, dto] of COMMANDS) {
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
