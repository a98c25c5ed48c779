import { publishTimelineChanges, type Task } from '@mailroom/domain';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { publisherOf } from '../pubsub.ts';
import { toConnection } from './connection.ts';
import { RecordRefType } from './email.type.ts';
import { CreateTaskInput, TaskConnection, TaskType, UpdateTaskInput } from './task.type.ts';
import { UserType } from './user.type.ts';

@Resolver(() => TaskType)
export class TaskResolver {
  @Authorized()
  @Query(() => TaskConnection, { description: "The signed-in user's tasks, newest first." })
  async tasks(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ) {
    return toConnection(await context.services.tasks.mine(requirePrincipal(context), first, after));
  }

  @Authorized()
  @Query(() => TaskType, { nullable: true, description: 'One task, if the caller may see it.' })
  task(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Task | null> {
    return context.services.tasks.get(requirePrincipal(context), id);
  }

  @Authorized()
  @Mutation(() => TaskType, {
    description:
      "Creates a task owned by the caller, on the record's timeline; it reaches their To Do when tasks sync.",
  })
  async createTask(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() context: ApiContext) {
    const task = await context.services.tasks.create(requirePrincipal(context), input);
    await this.announce(context, task, 'created');
    return task;
  }

  @Authorized()
  @Mutation(() => TaskType, { description: 'Changes a task the caller owns (an administrator, any task).' })
  async updateTask(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTaskInput) input: UpdateTaskInput,
    @Ctx() context: ApiContext,
  ) {
    const task = await context.services.tasks.update(requirePrincipal(context), id, input);
    await this.announce(context, task, 'updated');
    return task;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes a task in the CRM (and, when tasks sync, in To Do).' })
  deleteTask(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<boolean> {
    return context.services.tasks.delete(requirePrincipal(context), id);
  }

  @FieldResolver(() => GraphQLDateTimeISO, { description: 'When the task was created: its place on timelines.' })
  occurredAt(@Root() task: Task): Date {
    return task.createdAt;
  }

  @FieldResolver(() => RecordRefType, { nullable: true })
  regarding(@Root() task: Task, @Ctx() { loaders }: ApiContext) {
    return task.regardingId ? loaders.record.load(task.regardingId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() task: Task, @Ctx() { loaders }: ApiContext) {
    return loaders.user.load(task.ownerUserId);
  }

  private async announce(context: ApiContext, task: Task, change: 'created' | 'updated') {
    if (!task.regardingId) return;
    await publishTimelineChanges(context.services.dataSource.manager, publisherOf(context.services.pubSub), {
      [change]: [task.id],
    });
  }
}
