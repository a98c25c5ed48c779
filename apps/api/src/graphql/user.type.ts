import type { SalesLicense } from '@mailroom/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { SalesLicenseEnum } from './enums.ts';

@ObjectType('Organisation', { simpleResolvers: true })
export class OrganisationType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType('User', { simpleResolvers: true })
export class UserType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String)
  primaryEmail: string;

  @Field(() => String)
  userPrincipalName: string;

  @Field(() => SalesLicenseEnum)
  salesLicense: SalesLicense;

  @Field(() => Boolean, { description: 'From the tenant directory: an enabled Exchange Online plan.' })
  exchangeLicenseValid: boolean;

  @Field(() => Boolean)
  disabled: boolean;

  organisationId: string;

  managerUserId: string | null;
}

@ObjectType('Session', { simpleResolvers: true })
export class SessionType {
  @Field(() => String, { description: 'Bearer token for the Authorization header; shown once.' })
  token: string;

  @Field(() => UserType)
  user: UserType;
}
