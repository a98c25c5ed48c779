import { graphql } from '../../../gql';

export const EmailIntegrationAvailabilityQuery = graphql(`
  query EmailIntegrationAvailability {
    emailIntegrationAvailability {
      available
      explanations
    }
  }
`);
