/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n  }\n": typeof types.MailboxRowFragmentDoc,
    "\n  query Mailboxes($first: Int!, $after: String, $filter: MailboxFilter) {\n    mailboxes(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MailboxRow\n        }\n      }\n    }\n  }\n": typeof types.MailboxesDocument,
    "\n  subscription MailboxStatusChanged {\n    mailboxStatusChanged {\n      ...MailboxRow\n    }\n  }\n": typeof types.MailboxStatusChangedDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        displayName\n        primaryEmail\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n  }\n": types.MailboxRowFragmentDoc,
    "\n  query Mailboxes($first: Int!, $after: String, $filter: MailboxFilter) {\n    mailboxes(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MailboxRow\n        }\n      }\n    }\n  }\n": types.MailboxesDocument,
    "\n  subscription MailboxStatusChanged {\n    mailboxStatusChanged {\n      ...MailboxRow\n    }\n  }\n": types.MailboxStatusChangedDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        displayName\n        primaryEmail\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n    }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n  }\n"): (typeof documents)["\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mailboxes($first: Int!, $after: String, $filter: MailboxFilter) {\n    mailboxes(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MailboxRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Mailboxes($first: Int!, $after: String, $filter: MailboxFilter) {\n    mailboxes(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MailboxRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MailboxStatusChanged {\n    mailboxStatusChanged {\n      ...MailboxRow\n    }\n  }\n"): (typeof documents)["\n  subscription MailboxStatusChanged {\n    mailboxStatusChanged {\n      ...MailboxRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        displayName\n        primaryEmail\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        displayName\n        primaryEmail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;