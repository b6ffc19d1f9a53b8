import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from './clock';

/** One clock for the whole application, chosen where the application is composed (tests pin it). */
@Global()
@Module({})
export class ClockModule {
  static forClock(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
