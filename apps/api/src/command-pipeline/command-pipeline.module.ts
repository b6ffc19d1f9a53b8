import { Module } from '@nestjs/common';
import { ActorGuard } from '../actor/actor.guard';
import { ActorResolver } from '../actor/actor.resolver';
import { CommandAnswerInterceptor } from './command-answer.interceptor';
import { AggregateReader } from './aggregate-reader';
import { CommandRunner } from './command-runner';
import { FactsReader } from './facts';

/** What every use-case module needs: the runner, the actor, idempotency. (The CommandBus and the clock are global: CqrsModule.forRoot and ClockModule in AppModule.) */
@Module({
  providers: [
    ActorResolver,
    ActorGuard,
    AggregateReader,
    FactsReader,
    CommandRunner,
    CommandAnswerInterceptor,
  ],
  exports: [ActorResolver, ActorGuard, AggregateReader, FactsReader, CommandRunner, CommandAnswerInterceptor],
})
export class CommandPipelineModule {}
