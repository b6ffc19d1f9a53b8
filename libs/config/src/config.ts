import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true
    : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);

/** Every environment variable the product reads; nothing else in the code reads process.env. */
class Environment {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsOptional() @IsString()
  HOST: string = '127.0.0.1';

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  DATA_DIR: string = './.data';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT: number = 54329;

  @IsOptional() @Matches(/^esdb(\+discover)?:\/\/\S+$/, { message: 'must be an esdb:// connection string' })
  EVENTSTORE_URL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO: boolean = true;

  @IsOptional() @IsIn(['inline', 'off'], { message: 'must be inline (projector runs in the API) or off (run apps/projector)' })
  PROJECTOR: 'inline' | 'off' = 'inline';

  @IsOptional() @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export type AppConfig = Readonly<Environment>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Ungültige Konfiguration / invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** Reads and validates the environment once; a wrong value throws naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new Environment());
  const raw = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => (known.includes(k) || k === 'DATABASE_URL' || k === 'EVENTSTORE_URL') && v !== ''),
  );
  const config = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length) {
    throw new ConfigError(
      errors.map((e) => ({ variable: e.property, message: `${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(e.value)})` })),
    );
  }
  return Object.freeze(config);
}
