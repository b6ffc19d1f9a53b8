import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives sensible defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './.data', SEED_DEMO: true, PROJECTOR: 'inline' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ EVENTSTORE_URL: 'http://x' })).toThrow(/EVENTSTORE_URL/);
    expect(() => loadConfig({ SEED_DEMO: 'vielleicht' })).toThrow(ConfigError);
  });

  it('reads booleans and numbers from strings', () => {
    expect(loadConfig({ SEED_DEMO: 'false', PORT: '8080' })).toMatchObject({ SEED_DEMO: false, PORT: 8080 });
  });
});
