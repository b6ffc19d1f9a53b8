import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export interface Endpoint {
  method: string;
  /** OpenAPI form, e.g. /api/regions/{regionId}/recommendations/{recommendationId}/hand-offs */
  path: string;
}

export const keyOf = (e: Endpoint) => `${e.method} ${e.path}`;

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running application serves: from Express' router (the truth, including
 * anything left out of OpenAPI) and from /api/docs-json; the caller checks both agree. Swagger UI's
 * own routes are not endpoints of the product.
 */
export async function discoverEndpoints(app: INestApplication, url: string): Promise<{ routed: Endpoint[]; documented: Endpoint[] }> {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const routed = express.router.stack
    .flatMap((layer) => {
      if (!layer.route) return [];
      // Middleware Nest mounts for every route (the request logger) is a route answering every method: no endpoint.
      if (Object.keys(layer.route.methods).length > 10) return [];
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return paths.flatMap((p) =>
        Object.keys(layer.route!.methods)
          .filter((m) => m !== '_all')
          .map((m) => ({ method: m.toUpperCase(), path: p.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '') || '/' })),
      );
    })
    .filter((e) => !e.path.startsWith('/api/docs'));
  const doc = (await request(url).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
  const unique = (list: Endpoint[]) => [...new Map(list.map((e) => [keyOf(e), e])).values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { routed: unique(routed), documented: unique(documented) };
}

/** The path with each {param} replaced by the value `valueOf` gives for it. */
export const fillPath = (path: string, valueOf: (param: string) => string) => path.replace(/\{(\w+)\}/g, (_, name: string) => valueOf(name));
