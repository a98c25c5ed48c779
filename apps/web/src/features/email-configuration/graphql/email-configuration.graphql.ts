import { graphql, type DocumentType } from '../../../gql';

export const EmailConfigurationStateFragment = graphql(`
  fragment EmailConfigurationState on EmailConfiguration {
    status
    tenantId
    clientId
    clientSecretSet
    configuredAt
    lastJob {
      ...JobSummary
    }
  }
`);

export const EmailConfigurationQuery = graphql(`
  query EmailConfiguration {
    emailConfiguration {
      ...EmailConfigurationState
    }
  }
`);

export const ConnectTenantMutation = graphql(`
  mutation ConnectTenant($input: ConnectTenantInput!) {
    connectTenant(input: $input) {
      ...EmailConfigurationState
    }
  }
`);

export const ConfigureEmailMutation = graphql(`
  mutation ConfigureEmail {
    configureEmail {
      ...JobSummary
    }
  }
`);

export type EmailConfigurationState = DocumentType<typeof EmailConfigurationStateFragment>;
