import { Organisation, type SecurityRoleName } from '@mailroom/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.ts';
import { SecurityRoleNameEnum } from './enums.ts';
import { OrganisationType, UserType } from './user.type.ts';

@Resolver(() => UserType)
export class UserResolver {
  @FieldResolver(() => [SecurityRoleNameEnum], { description: 'Standard security roles the user holds.' })
  async roles(@Root() user: UserType, @Ctx() { loaders }: ApiContext): Promise<SecurityRoleName[]> {
    const names = await loaders.roles.load(user.id);
    return names.filter((name): name is SecurityRoleName => name in SecurityRoleNameEnum);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Whose team the user is in.' })
  manager(@Root() user: UserType, @Ctx() { loaders }: ApiContext) {
    return user.managerUserId ? loaders.user.load(user.managerUserId) : null;
  }

  @FieldResolver(() => OrganisationType)
  async organisation(@Root() user: UserType, @Ctx() { services }: ApiContext): Promise<OrganisationType> {
    const organisation = await services.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: user.organisationId });
    return { id: organisation.id, name: organisation.name };
  }
}
