import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret, SECRET_FILE } from './jwt-secret';

describe('resolveJwtSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'jwt-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses JWT_SECRET when set, and writes nothing', async () => {
    const lines: string[] = [];
    expect(await resolveJwtSecret({ JWT_SECRET: 's'.repeat(40), DATA_DIR: join(dir, 'd') }, (l) => lines.push(l))).toBe('s'.repeat(40));
    expect(lines).toEqual([]);
  });

  it('otherwise generates one key under DATA_DIR (mode 0600), says so without printing it, and reuses it', async () => {
    const lines: string[] = [];
    const data = join(dir, 'data');
    const first = await resolveJwtSecret({ DATA_DIR: data }, (l) => lines.push(l));
    const second = await resolveJwtSecret({ DATA_DIR: data }, (l) => lines.push(l));
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect(readFileSync(join(data, SECRET_FILE), 'utf8').trim()).toBe(first);
    expect(statSync(join(data, SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/JWT_SECRET ist nicht gesetzt/);
    expect(lines[0]).not.toContain(first);
  });
});
