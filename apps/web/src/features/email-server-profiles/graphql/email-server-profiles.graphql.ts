import { graphql, type DocumentType } from '../../../gql';

export const EmailServerProfileFieldsFragment = graphql(`
  fragment EmailServerProfileFields on EmailServerProfile {
    id
    name
    serverType
    graphEndpoint
    authorityUrl
    tenantId
    clientId
    clientSecretSet
    processEmailReceivedAfter
    minPollingIntervalSeconds
    maxConcurrentRequestsPerMailbox
    moveFailedToUndeliverable
    isDefault
  }
`);

export const EmailServerProfilesQuery = graphql(`
  query EmailServerProfiles {
    emailServerProfiles {
      ...EmailServerProfileFields
    }
  }
`);

export const UpdateEmailServerProfileMutation = graphql(`
  mutation UpdateEmailServerProfile($input: UpdateEmailServerProfileInput!) {
    updateEmailServerProfile(input: $input) {
      ...EmailServerProfileFields
    }
  }
`);

export type EmailServerProfileFields = DocumentType<typeof EmailServerProfileFieldsFragment>;
