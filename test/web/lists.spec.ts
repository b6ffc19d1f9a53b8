import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COMMITTEE_ERRORS, CONFERENCE_ERRORS, RECOMMENDATION_ERRORS, REGION_ERRORS } from '@app/domain';
import { FIGURE_NAMES } from '../../apps/api/src/queries/shared/figure-values';

/**
 * The lists the web interface must keep itself (each entry carries German text or a form field the
 * server does not know), held to their one definition here: none may miss or invent a name.
 */
const WEB = join(process.cwd(), 'apps/web/public/js');
const source = (file: string) => readFileSync(join(WEB, file), 'utf8');
/** The text of `const NAME = …` up to its closing bracket at the start of a line. */
function block(text: string, name: string): string {
  const start = text.indexOf(`const ${name} = `);
  expect(start).toBeGreaterThanOrEqual(0);
  const ends = [text.indexOf('\n}', start), text.indexOf('\n]', start)].filter((i) => i >= 0);
  return text.slice(start, Math.min(...ends));
}
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

describe('the lists the web interface keeps', () => {
  it('the figure board names every figure, in metrics.md order', () => {
    const names = [...block(source('labels.js'), 'FIGURES').matchAll(/name: '(\w+)'/g)].map((m) => m[1]);
    expect(names).toEqual([...FIGURE_NAMES]);
  });

  it('every error code a form maps to a field is one the server answers with (no stale or misspelt code)', () => {
    const domain = new Set([REGION_ERRORS, CONFERENCE_ERRORS, COMMITTEE_ERRORS, RECOMMENDATION_ERRORS].flatMap((errors) => Object.keys(errors)));
    const api = filesUnder(join(process.cwd(), 'apps/api/src'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // CODE_FIELD in command-form.js and each form's own `codes`.
    const forms = filesUnder(join(WEB, 'forms')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const codes = [...forms.matchAll(/'([a-z-]+\.[a-z-]+)': '/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => !domain.has(code) && !api.includes(`'${code}'`))).toEqual([]);
  });
});
