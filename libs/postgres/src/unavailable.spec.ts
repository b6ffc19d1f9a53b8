import { isDatabaseUnavailable } from './unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['terminated by an administrator (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['connection failure (08006)', pgError('08006')],
    ['too many connections (53300)', pgError('53300')],
    ['server down (ECONNREFUSED)', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['database closed to connections (55000)', pgError('55000', 'database "x" is not currently accepting connections')],
    ['wrapped by TypeORM', Object.assign(new Error('query failed'), { driverError: pgError('57P01') })],
    ['as a cause', new Error('outer', { cause: pgError('ECONNRESET') })],
    ['inside an AggregateError (IPv4 and IPv6 refused)', new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')])],
  ])('%s: yes', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation (23505)', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', pgError('42601')],
    ['another 55000 (object not in prerequisite state)', pgError('55000', 'cannot execute in this state')],
    ['a plain error', new Error('boom')],
    ['no error at all', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('%s: no', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
