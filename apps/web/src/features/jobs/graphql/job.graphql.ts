import { graphql, type DocumentType } from '../../../gql';

export const JobSummaryFragment = graphql(`
  fragment JobSummary on Job {
    id
    kind
    status
    done
    total
    failed
    error
    errorCode
    createdAt
    finishedAt
  }
`);

export const JobProgressSubscription = graphql(`
  subscription JobProgress($jobId: ID!) {
    jobProgress(jobId: $jobId) {
      ...JobSummary
    }
  }
`);

export const JobReportQuery = graphql(`
  query JobReport($id: ID!, $first: Int!, $after: String) {
    job(id: $id) {
      id
      items(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            mailboxId
            emailAddress
            status
            reasons
            outcome
            message
          }
        }
      }
    }
  }
`);

export type JobSummary = DocumentType<typeof JobSummaryFragment>;

export type JobReportItem = NonNullable<DocumentType<typeof JobReportQuery>['job']>['items']['edges'][number]['node'];
