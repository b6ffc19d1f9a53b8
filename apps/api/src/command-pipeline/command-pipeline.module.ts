import { Module } from '@nestjs/common';
import { ActorGuard } from '../actor/actor.guard';
import { ActorResolver } from '../actor/actor.resolver';
import { CommandAnswerInterceptor } from './command-answer.interceptor';
import { AggregateReader } from './aggregate-reader';
import { CLOCK, systemClock } from './clock';
import { CommandRunner } from './command-runner';
import { FactsReader } from './facts';

/** What every use-case module needs: the runner, the actor, idempotency. (The CommandBus is global: CqrsModule.forRoot in AppModule.) */
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    ActorResolver,
    ActorGuard,
    AggregateReader,
    FactsReader,
    CommandRunner,
    CommandAnswerInterceptor,
  ],
  exports: [CLOCK, ActorResolver, ActorGuard, AggregateReader, FactsReader, CommandRunner, CommandAnswerInterceptor],
})
export class CommandPipelineModule {}
