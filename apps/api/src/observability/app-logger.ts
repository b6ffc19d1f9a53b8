import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/**
 * Nest's start-up chatter (one line per module and per route) goes to `debug`; everything else as
 * logged. main.ts prints one summary line instead, with the number of routes counted here.
 */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

@Injectable()
export class AppLogger extends Logger {
  private mapped = 0;

  /** Routes Nest reported mapping at start-up. */
  get routeCount(): number {
    return this.mapped;
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) {
      if (context === 'RouterExplorer') this.mapped++;
      return super.debug(message, ...optionalParams);
    }
    return super.log(message, ...optionalParams);
  }
}
