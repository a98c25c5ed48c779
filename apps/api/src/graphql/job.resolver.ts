import { DomainError, TOPICS, type Job } from '@mailroom/domain';
import { Repeater } from '@repeaterjs/repeater';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { JobType } from './job.type.ts';

@Resolver(() => JobType)
export class JobResolver {
  @Authorized()
  @Query(() => JobType, { nullable: true, description: 'A job of the caller’s organisation.' })
  job(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Job | null> {
    return context.services.jobs.get(requirePrincipal(context), id);
  }

  @Authorized('SYSTEM_ADMINISTRATOR')
  @Mutation(() => JobType, {
    description: 'Administrators: runs a heartbeat job on a worker, to check that workers are processing.',
  })
  async pingWorker(@Ctx() context: ApiContext): Promise<Job> {
    const { services } = context;
    const job = await services.jobs.create(requirePrincipal(context), 'HEARTBEAT', 1);
    await services.queues.enqueue('heartbeat', { jobId: job.id });
    return job;
  }

  @Authorized()
  @Subscription(() => JobType, {
    description: 'Progress of one job, each time it changes.',
    subscribe: async ({ args, context }) => {
      const { services } = context as ApiContext;
      const principal = requirePrincipal(context as ApiContext);
      const jobId = String(args.jobId);
      // Subscribe before the first read, so no update between the two is missed.
      const events = services.pubSub.subscribe(TOPICS.JOB_PROGRESS, jobId);
      const current = await services.jobs.get(principal, jobId).catch(() => null);
      if (!current) {
        await events.return?.();
        throw new DomainError('NOT_FOUND', 'That job was not found.');
      }
      return new Repeater<Job>(async (push, stop) => {
        const iterator = events[Symbol.asyncIterator]();
        stop.then(() => iterator.return?.());
        await push(current);
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          const job = await services.jobs.get(principal, jobId);
          if (job) await push(job);
          if (job && (job.status === 'COMPLETED' || job.status === 'FAILED')) break;
        }
        stop();
      });
    },
  })
  jobProgress(@Arg('jobId', () => ID) _jobId: string, @Root() job: Job): Job {
    return job;
  }
}
