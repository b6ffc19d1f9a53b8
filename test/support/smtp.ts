import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a real socket; every mail it takes is parsed back. `onMail` runs before it answers 250. */
export async function startSmtp(port = 0) {
  const mails: ParsedMail[] = [];
  const state: { onMail?: (m: ParsedMail) => void } = {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          state.onMail?.(mail);
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const address = server.server.address() as AddressInfo;
  return { port: address.port, mails, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

