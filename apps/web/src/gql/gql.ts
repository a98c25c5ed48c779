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
    "\n  fragment AccountRecord on Account {\n    id\n    name\n    emailAddress\n    createdAt\n  }\n": typeof types.AccountRecordFragmentDoc,
    "\n  query Account($id: ID!) {\n    account(id: $id) {\n      ...AccountRecord\n    }\n  }\n": typeof types.AccountDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment ContactRecord on Contact {\n    id\n    firstName\n    lastName\n    jobTitle\n    emailAddress\n    businessPhone\n    mobilePhone\n    companyName\n    account {\n      id\n      name\n    }\n    createdAt\n  }\n": typeof types.ContactRecordFragmentDoc,
    "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      ...ContactRecord\n    }\n  }\n": typeof types.ContactDocument,
    "\n  fragment EmailConfigurationState on EmailConfiguration {\n    status\n    tenantId\n    clientId\n    clientSecretSet\n    configuredAt\n    lastJob {\n      ...JobSummary\n    }\n  }\n": typeof types.EmailConfigurationStateFragmentDoc,
    "\n  query EmailConfiguration {\n    emailConfiguration {\n      ...EmailConfigurationState\n    }\n  }\n": typeof types.EmailConfigurationDocument,
    "\n  mutation ConnectTenant($input: ConnectTenantInput!) {\n    connectTenant(input: $input) {\n      ...EmailConfigurationState\n    }\n  }\n": typeof types.ConnectTenantDocument,
    "\n  mutation ConfigureEmail {\n    configureEmail {\n      ...JobSummary\n    }\n  }\n": typeof types.ConfigureEmailDocument,
    "\n  fragment EmailServerProfileFields on EmailServerProfile {\n    id\n    name\n    serverType\n    graphEndpoint\n    authorityUrl\n    tenantId\n    clientId\n    clientSecretSet\n    processEmailReceivedAfter\n    minPollingIntervalSeconds\n    maxConcurrentRequestsPerMailbox\n    moveFailedToUndeliverable\n    isDefault\n  }\n": typeof types.EmailServerProfileFieldsFragmentDoc,
    "\n  query EmailServerProfiles {\n    emailServerProfiles {\n      ...EmailServerProfileFields\n    }\n  }\n": typeof types.EmailServerProfilesDocument,
    "\n  mutation UpdateEmailServerProfile($input: UpdateEmailServerProfileInput!) {\n    updateEmailServerProfile(input: $input) {\n      ...EmailServerProfileFields\n    }\n  }\n": typeof types.UpdateEmailServerProfileDocument,
    "\n  fragment JobSummary on Job {\n    id\n    kind\n    status\n    done\n    total\n    failed\n    error\n    errorCode\n    createdAt\n    finishedAt\n  }\n": typeof types.JobSummaryFragmentDoc,
    "\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      ...JobSummary\n    }\n  }\n": typeof types.JobProgressDocument,
    "\n  query JobReport($id: ID!, $first: Int!, $after: String) {\n    job(id: $id) {\n      id\n      items(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            mailboxId\n            emailAddress\n            status\n            reasons\n            outcome\n            message\n          }\n        }\n      }\n    }\n  }\n": typeof types.JobReportDocument,
    "\n  query FolderTracking($mailboxId: ID!) {\n    folderTrackingRules(mailboxId: $mailboxId) {\n      id\n      folderId\n      folderPath\n      regardingType\n      regarding {\n        name\n        type\n      }\n    }\n  }\n": typeof types.FolderTrackingDocument,
    "\n  query MailFolders($mailboxId: ID!) {\n    mailFolders(mailboxId: $mailboxId) {\n      id\n      path\n    }\n  }\n": typeof types.MailFoldersDocument,
    "\n  query FolderRuleRecords($first: Int!) {\n    opportunities(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    accounts(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    contacts(first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": typeof types.FolderRuleRecordsDocument,
    "\n  mutation SetFolderTracking($mailboxId: ID!, $enabled: Boolean!) {\n    setFolderTracking(mailboxId: $mailboxId, enabled: $enabled) {\n      ...MailboxRecord\n    }\n  }\n": typeof types.SetFolderTrackingDocument,
    "\n  mutation CreateFolderTrackingRule($mailboxId: ID!, $folderId: String!, $regardingId: ID) {\n    createFolderTrackingRule(mailboxId: $mailboxId, folderId: $folderId, regardingId: $regardingId) {\n      id\n    }\n  }\n": typeof types.CreateFolderTrackingRuleDocument,
    "\n  mutation DeleteFolderTrackingRule($id: ID!) {\n    deleteFolderTrackingRule(id: $id)\n  }\n": typeof types.DeleteFolderTrackingRuleDocument,
    "\n  fragment MailboxRecord on Mailbox {\n    id\n    emailAddress\n    queueName\n    owner {\n      id\n      displayName\n      primaryEmail\n    }\n    approvalStatus\n    incomingMethod\n    incomingStatus\n    enabledForIncoming\n    outgoingMethod\n    outgoingStatus\n    enabledForOutgoing\n    actMethod\n    actStatus\n    enabledForAct\n    testRunStatus\n    processingState\n    consecutiveFailures\n    lastSyncAt\n    incomingFilter\n    folderTrackingEnabled\n    alerts {\n      id\n      severity\n      code\n      message\n      params\n      count\n      firstOccurredAt\n      lastOccurredAt\n    }\n  }\n": typeof types.MailboxRecordFragmentDoc,
    "\n  fragment MailboxSyncHistory on Mailbox {\n    syncHistory(first: 20) {\n      id\n      startedAt\n      finishedAt\n      outcome\n      messagesStored\n      copiesAttached\n      foldersResynced\n      failureMessage\n      failureCode\n      failureParams\n    }\n  }\n": typeof types.MailboxSyncHistoryFragmentDoc,
    "\n  query Mailbox($id: ID!) {\n    mailbox(id: $id) {\n      ...MailboxRecord\n      ...MailboxSyncHistory\n    }\n  }\n": typeof types.MailboxDocument,
    "\n  subscription MailboxChanged {\n    mailboxStatusChanged {\n      id\n    }\n  }\n": typeof types.MailboxChangedDocument,
    "\n  mutation DismissMailboxAlert($alertId: ID!) {\n    dismissMailboxAlert(alertId: $alertId) {\n      ...MailboxRecord\n    }\n  }\n": typeof types.DismissMailboxAlertDocument,
    "\n  mutation UpdateMailbox($id: ID!, $input: UpdateMailboxInput!) {\n    updateMailbox(id: $id, input: $input) {\n      ...MailboxRecord\n    }\n  }\n": typeof types.UpdateMailboxDocument,
    "\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n    lastSyncAt\n  }\n": typeof types.MailboxRowFragmentDoc,
    "\n  query Mailboxes($first: Int!, $after: String, $filter: MailboxFilter) {\n    mailboxes(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MailboxRow\n        }\n      }\n    }\n  }\n": typeof types.MailboxesDocument,
    "\n  subscription MailboxStatusChanged {\n    mailboxStatusChanged {\n      ...MailboxRow\n    }\n  }\n": typeof types.MailboxStatusChangedDocument,
    "\n  mutation ApproveAndTestMailboxes($mailboxIds: [ID!]!) {\n    approveAndTestMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n": typeof types.ApproveAndTestMailboxesDocument,
    "\n  mutation TestAndEnableMailboxes($mailboxIds: [ID!]!) {\n    testAndEnableMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n": typeof types.TestAndEnableMailboxesDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    message\n    createdAt\n    readAt\n    data\n  }\n": typeof types.NotificationItemFragmentDoc,
    "\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationItem\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query NotificationHistory($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n": typeof types.NotificationHistoryDocument,
    "\n  fragment OpportunityRow on Opportunity {\n    id\n    name\n    estimatedValue\n    account {\n      id\n      name\n    }\n    contacts {\n      id\n      firstName\n      lastName\n      emailAddress\n    }\n    owner {\n      id\n      displayName\n    }\n    createdAt\n  }\n": typeof types.OpportunityRowFragmentDoc,
    "\n  query Opportunities($first: Int!, $after: String) {\n    opportunities(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OpportunityRow\n        }\n      }\n    }\n  }\n": typeof types.OpportunitiesDocument,
    "\n  query Opportunity($id: ID!) {\n    opportunity(id: $id) {\n      ...OpportunityRow\n    }\n  }\n": typeof types.OpportunityDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      salesLicense\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        displayName\n        primaryEmail\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query EmailIntegrationAvailability {\n    emailIntegrationAvailability {\n      available\n      explanations\n    }\n  }\n": typeof types.EmailIntegrationAvailabilityDocument,
    "\n  query SyncHealth($windowMinutes: Int!) {\n    syncHealth(windowMinutes: $windowMinutes) {\n      windowMinutes\n      minutes {\n        at\n        emailsSynced\n        failures\n        throttled\n      }\n      queues {\n        queue\n        waiting\n        active\n        delayed\n        failed\n      }\n      slowestMailboxes {\n        id\n        emailAddress\n        lastSyncAt\n        lagSeconds\n        consecutiveFailures\n      }\n    }\n  }\n": typeof types.SyncHealthDocument,
    "\n  fragment TimelineEmail on Email {\n    id\n    subject\n    occurredAt\n    conversationId\n    direction\n    status\n    failureReason\n    failureCode\n    failureParams\n    bodyHtml\n    regarding {\n      id\n      type\n      name\n    }\n    from {\n      address\n      name\n    }\n    to {\n      address\n      name\n    }\n    cc {\n      address\n      name\n    }\n    copies {\n      emailAddress\n    }\n  }\n": typeof types.TimelineEmailFragmentDoc,
    "\n  fragment TimelineTask on Task {\n    id\n    subject\n    occurredAt\n    description\n    # Aliased: an email's status is another enum, and both share the timeline's selection.\n    taskStatus: status\n    importance\n    dueAt\n    completedAt\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n": typeof types.TimelineTaskFragmentDoc,
    "\n  fragment TimelineAppointment on Appointment {\n    id\n    subject\n    occurredAt\n    description\n    location\n    startAt\n    endAt\n    isAllDay\n    attendees {\n      address\n      resolvedType\n    }\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n": typeof types.TimelineAppointmentFragmentDoc,
    "\n  query Timeline($regardingId: ID!, $first: Int!, $after: String) {\n    timeline(regardingId: $regardingId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          ...TimelineEmail\n          ...TimelineTask\n          ...TimelineAppointment\n        }\n      }\n    }\n  }\n": typeof types.TimelineDocument,
    "\n  subscription TimelineChanged($regardingId: ID!) {\n    timelineChanged(regardingId: $regardingId) {\n      change\n      activityId\n      activity {\n        __typename\n        id\n        ...TimelineEmail\n        ...TimelineTask\n        ...TimelineAppointment\n      }\n    }\n  }\n": typeof types.TimelineChangedDocument,
    "\n  mutation SendEmail($input: SendEmailInput!) {\n    sendEmail(input: $input) {\n      __typename\n      ...TimelineEmail\n    }\n  }\n": typeof types.SendEmailDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      __typename\n      ...TimelineTask\n    }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation UpdateTaskStatus($id: ID!, $status: TaskStatus!) {\n    updateTask(id: $id, input: { status: $status }) {\n      __typename\n      ...TimelineTask\n    }\n  }\n": typeof types.UpdateTaskStatusDocument,
    "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      __typename\n      ...TimelineAppointment\n    }\n  }\n": typeof types.CreateAppointmentDocument,
    "\n  fragment UserRow on User {\n    id\n    displayName\n    primaryEmail\n    userPrincipalName\n    exchangeLicenseValid\n    salesLicense\n    roles\n    disabled\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  query Users($search: String, $first: Int!, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserRow\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ImportDirectory {\n    importDirectory {\n      ...JobSummary\n    }\n  }\n": typeof types.ImportDirectoryDocument,
    "\n  query DirectoryImportReport($id: ID!) {\n    job(id: $id) {\n      id\n      report\n    }\n  }\n": typeof types.DirectoryImportReportDocument,
};
const documents: Documents = {
    "\n  fragment AccountRecord on Account {\n    id\n    name\n    emailAddress\n    createdAt\n  }\n": types.AccountRecordFragmentDoc,
    "\n  query Account($id: ID!) {\n    account(id: $id) {\n      ...AccountRecord\n    }\n  }\n": types.AccountDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment ContactRecord on Contact {\n    id\n    firstName\n    lastName\n    jobTitle\n    emailAddress\n    businessPhone\n    mobilePhone\n    companyName\n    account {\n      id\n      name\n    }\n    createdAt\n  }\n": types.ContactRecordFragmentDoc,
    "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      ...ContactRecord\n    }\n  }\n": types.ContactDocument,
    "\n  fragment EmailConfigurationState on EmailConfiguration {\n    status\n    tenantId\n    clientId\n    clientSecretSet\n    configuredAt\n    lastJob {\n      ...JobSummary\n    }\n  }\n": types.EmailConfigurationStateFragmentDoc,
    "\n  query EmailConfiguration {\n    emailConfiguration {\n      ...EmailConfigurationState\n    }\n  }\n": types.EmailConfigurationDocument,
    "\n  mutation ConnectTenant($input: ConnectTenantInput!) {\n    connectTenant(input: $input) {\n      ...EmailConfigurationState\n    }\n  }\n": types.ConnectTenantDocument,
    "\n  mutation ConfigureEmail {\n    configureEmail {\n      ...JobSummary\n    }\n  }\n": types.ConfigureEmailDocument,
    "\n  fragment EmailServerProfileFields on EmailServerProfile {\n    id\n    name\n    serverType\n    graphEndpoint\n    authorityUrl\n    tenantId\n    clientId\n    clientSecretSet\n    processEmailReceivedAfter\n    minPollingIntervalSeconds\n    maxConcurrentRequestsPerMailbox\n    moveFailedToUndeliverable\n    isDefault\n  }\n": types.EmailServerProfileFieldsFragmentDoc,
    "\n  query EmailServerProfiles {\n    emailServerProfiles {\n      ...EmailServerProfileFields\n    }\n  }\n": types.EmailServerProfilesDocument,
    "\n  mutation UpdateEmailServerProfile($input: UpdateEmailServerProfileInput!) {\n    updateEmailServerProfile(input: $input) {\n      ...EmailServerProfileFields\n    }\n  }\n": types.UpdateEmailServerProfileDocument,
    "\n  fragment JobSummary on Job {\n    id\n    kind\n    status\n    done\n    total\n    failed\n    error\n    errorCode\n    createdAt\n    finishedAt\n  }\n": types.JobSummaryFragmentDoc,
    "\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      ...JobSummary\n    }\n  }\n": types.JobProgressDocument,
    "\n  query JobReport($id: ID!, $first: Int!, $after: String) {\n    job(id: $id) {\n      id\n      items(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            mailboxId\n            emailAddress\n            status\n            reasons\n            outcome\n            message\n          }\n        }\n      }\n    }\n  }\n": types.JobReportDocument,
    "\n  query FolderTracking($mailboxId: ID!) {\n    folderTrackingRules(mailboxId: $mailboxId) {\n      id\n      folderId\n      folderPath\n      regardingType\n      regarding {\n        name\n        type\n      }\n    }\n  }\n": types.FolderTrackingDocument,
    "\n  query MailFolders($mailboxId: ID!) {\n    mailFolders(mailboxId: $mailboxId) {\n      id\n      path\n    }\n  }\n": types.MailFoldersDocument,
    "\n  query FolderRuleRecords($first: Int!) {\n    opportunities(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    accounts(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    contacts(first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n": types.FolderRuleRecordsDocument,
    "\n  mutation SetFolderTracking($mailboxId: ID!, $enabled: Boolean!) {\n    setFolderTracking(mailboxId: $mailboxId, enabled: $enabled) {\n      ...MailboxRecord\n    }\n  }\n": types.SetFolderTrackingDocument,
    "\n  mutation CreateFolderTrackingRule($mailboxId: ID!, $folderId: String!, $regardingId: ID) {\n    createFolderTrackingRule(mailboxId: $mailboxId, folderId: $folderId, regardingId: $regardingId) {\n      id\n    }\n  }\n": types.CreateFolderTrackingRuleDocument,
    "\n  mutation DeleteFolderTrackingRule($id: ID!) {\n    deleteFolderTrackingRule(id: $id)\n  }\n": types.DeleteFolderTrackingRuleDocument,
    "\n  fragment MailboxRecord on Mailbox {\n    id\n    emailAddress\n    queueName\n    owner {\n      id\n      displayName\n      primaryEmail\n    }\n    approvalStatus\n    incomingMethod\n    incomingStatus\n    enabledForIncoming\n    outgoingMethod\n    outgoingStatus\n    enabledForOutgoing\n    actMethod\n    actStatus\n    enabledForAct\n    testRunStatus\n    processingState\n    consecutiveFailures\n    lastSyncAt\n    incomingFilter\n    folderTrackingEnabled\n    alerts {\n      id\n      severity\n      code\n      message\n      params\n      count\n      firstOccurredAt\n      lastOccurredAt\n    }\n  }\n": types.MailboxRecordFragmentDoc,
    "\n  fragment MailboxSyncHistory on Mailbox {\n    syncHistory(first: 20) {\n      id\n      startedAt\n      finishedAt\n      outcome\n      messagesStored\n      copiesAttached\n      foldersResynced\n      failureMessage\n      failureCode\n      failureParams\n    }\n  }\n": types.MailboxSyncHistoryFragmentDoc,
    "\n  query Mailbox($id: ID!) {\n    mailbox(id: $id) {\n      ...MailboxRecord\n      ...MailboxSyncHistory\n    }\n  }\n": types.MailboxDocument,
    "\n  subscription MailboxChanged {\n    mailboxStatusChanged {\n      id\n    }\n  }\n": types.MailboxChangedDocument,
    "\n  mutation DismissMailboxAlert($alertId: ID!) {\n    dismissMailboxAlert(alertId: $alertId) {\n      ...MailboxRecord\n    }\n  }\n": types.DismissMailboxAlertDocument,
    "\n  mutation UpdateMailbox($id: ID!, $input: UpdateMailboxInput!) {\n    updateMailbox(id: $id, input: $input) {\n      ...MailboxRecord\n    }\n  }\n": types.UpdateMailboxDocument,
    "\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n    lastSyncAt\n  }\n": types.MailboxRowFragmentDoc,
    "\n  query Mailboxes($first: Int!, $after: String, $filter: MailboxFilter) {\n    mailboxes(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MailboxRow\n        }\n      }\n    }\n  }\n": types.MailboxesDocument,
    "\n  subscription MailboxStatusChanged {\n    mailboxStatusChanged {\n      ...MailboxRow\n    }\n  }\n": types.MailboxStatusChangedDocument,
    "\n  mutation ApproveAndTestMailboxes($mailboxIds: [ID!]!) {\n    approveAndTestMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n": types.ApproveAndTestMailboxesDocument,
    "\n  mutation TestAndEnableMailboxes($mailboxIds: [ID!]!) {\n    testAndEnableMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n": types.TestAndEnableMailboxesDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    message\n    createdAt\n    readAt\n    data\n  }\n": types.NotificationItemFragmentDoc,
    "\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationItem\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query NotificationHistory($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n": types.NotificationHistoryDocument,
    "\n  fragment OpportunityRow on Opportunity {\n    id\n    name\n    estimatedValue\n    account {\n      id\n      name\n    }\n    contacts {\n      id\n      firstName\n      lastName\n      emailAddress\n    }\n    owner {\n      id\n      displayName\n    }\n    createdAt\n  }\n": types.OpportunityRowFragmentDoc,
    "\n  query Opportunities($first: Int!, $after: String) {\n    opportunities(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OpportunityRow\n        }\n      }\n    }\n  }\n": types.OpportunitiesDocument,
    "\n  query Opportunity($id: ID!) {\n    opportunity(id: $id) {\n      ...OpportunityRow\n    }\n  }\n": types.OpportunityDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      salesLicense\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        displayName\n        primaryEmail\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query EmailIntegrationAvailability {\n    emailIntegrationAvailability {\n      available\n      explanations\n    }\n  }\n": types.EmailIntegrationAvailabilityDocument,
    "\n  query SyncHealth($windowMinutes: Int!) {\n    syncHealth(windowMinutes: $windowMinutes) {\n      windowMinutes\n      minutes {\n        at\n        emailsSynced\n        failures\n        throttled\n      }\n      queues {\n        queue\n        waiting\n        active\n        delayed\n        failed\n      }\n      slowestMailboxes {\n        id\n        emailAddress\n        lastSyncAt\n        lagSeconds\n        consecutiveFailures\n      }\n    }\n  }\n": types.SyncHealthDocument,
    "\n  fragment TimelineEmail on Email {\n    id\n    subject\n    occurredAt\n    conversationId\n    direction\n    status\n    failureReason\n    failureCode\n    failureParams\n    bodyHtml\n    regarding {\n      id\n      type\n      name\n    }\n    from {\n      address\n      name\n    }\n    to {\n      address\n      name\n    }\n    cc {\n      address\n      name\n    }\n    copies {\n      emailAddress\n    }\n  }\n": types.TimelineEmailFragmentDoc,
    "\n  fragment TimelineTask on Task {\n    id\n    subject\n    occurredAt\n    description\n    # Aliased: an email's status is another enum, and both share the timeline's selection.\n    taskStatus: status\n    importance\n    dueAt\n    completedAt\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n": types.TimelineTaskFragmentDoc,
    "\n  fragment TimelineAppointment on Appointment {\n    id\n    subject\n    occurredAt\n    description\n    location\n    startAt\n    endAt\n    isAllDay\n    attendees {\n      address\n      resolvedType\n    }\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n": types.TimelineAppointmentFragmentDoc,
    "\n  query Timeline($regardingId: ID!, $first: Int!, $after: String) {\n    timeline(regardingId: $regardingId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          ...TimelineEmail\n          ...TimelineTask\n          ...TimelineAppointment\n        }\n      }\n    }\n  }\n": types.TimelineDocument,
    "\n  subscription TimelineChanged($regardingId: ID!) {\n    timelineChanged(regardingId: $regardingId) {\n      change\n      activityId\n      activity {\n        __typename\n        id\n        ...TimelineEmail\n        ...TimelineTask\n        ...TimelineAppointment\n      }\n    }\n  }\n": types.TimelineChangedDocument,
    "\n  mutation SendEmail($input: SendEmailInput!) {\n    sendEmail(input: $input) {\n      __typename\n      ...TimelineEmail\n    }\n  }\n": types.SendEmailDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      __typename\n      ...TimelineTask\n    }\n  }\n": types.CreateTaskDocument,
    "\n  mutation UpdateTaskStatus($id: ID!, $status: TaskStatus!) {\n    updateTask(id: $id, input: { status: $status }) {\n      __typename\n      ...TimelineTask\n    }\n  }\n": types.UpdateTaskStatusDocument,
    "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      __typename\n      ...TimelineAppointment\n    }\n  }\n": types.CreateAppointmentDocument,
    "\n  fragment UserRow on User {\n    id\n    displayName\n    primaryEmail\n    userPrincipalName\n    exchangeLicenseValid\n    salesLicense\n    roles\n    disabled\n  }\n": types.UserRowFragmentDoc,
    "\n  query Users($search: String, $first: Int!, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserRow\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ImportDirectory {\n    importDirectory {\n      ...JobSummary\n    }\n  }\n": types.ImportDirectoryDocument,
    "\n  query DirectoryImportReport($id: ID!) {\n    job(id: $id) {\n      id\n      report\n    }\n  }\n": types.DirectoryImportReportDocument,
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
export function graphql(source: "\n  fragment AccountRecord on Account {\n    id\n    name\n    emailAddress\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AccountRecord on Account {\n    id\n    name\n    emailAddress\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account($id: ID!) {\n    account(id: $id) {\n      ...AccountRecord\n    }\n  }\n"): (typeof documents)["\n  query Account($id: ID!) {\n    account(id: $id) {\n      ...AccountRecord\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        ...ApiKeyRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactRecord on Contact {\n    id\n    firstName\n    lastName\n    jobTitle\n    emailAddress\n    businessPhone\n    mobilePhone\n    companyName\n    account {\n      id\n      name\n    }\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ContactRecord on Contact {\n    id\n    firstName\n    lastName\n    jobTitle\n    emailAddress\n    businessPhone\n    mobilePhone\n    companyName\n    account {\n      id\n      name\n    }\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      ...ContactRecord\n    }\n  }\n"): (typeof documents)["\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      ...ContactRecord\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmailConfigurationState on EmailConfiguration {\n    status\n    tenantId\n    clientId\n    clientSecretSet\n    configuredAt\n    lastJob {\n      ...JobSummary\n    }\n  }\n"): (typeof documents)["\n  fragment EmailConfigurationState on EmailConfiguration {\n    status\n    tenantId\n    clientId\n    clientSecretSet\n    configuredAt\n    lastJob {\n      ...JobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailConfiguration {\n    emailConfiguration {\n      ...EmailConfigurationState\n    }\n  }\n"): (typeof documents)["\n  query EmailConfiguration {\n    emailConfiguration {\n      ...EmailConfigurationState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectTenant($input: ConnectTenantInput!) {\n    connectTenant(input: $input) {\n      ...EmailConfigurationState\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectTenant($input: ConnectTenantInput!) {\n    connectTenant(input: $input) {\n      ...EmailConfigurationState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureEmail {\n    configureEmail {\n      ...JobSummary\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureEmail {\n    configureEmail {\n      ...JobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmailServerProfileFields on EmailServerProfile {\n    id\n    name\n    serverType\n    graphEndpoint\n    authorityUrl\n    tenantId\n    clientId\n    clientSecretSet\n    processEmailReceivedAfter\n    minPollingIntervalSeconds\n    maxConcurrentRequestsPerMailbox\n    moveFailedToUndeliverable\n    isDefault\n  }\n"): (typeof documents)["\n  fragment EmailServerProfileFields on EmailServerProfile {\n    id\n    name\n    serverType\n    graphEndpoint\n    authorityUrl\n    tenantId\n    clientId\n    clientSecretSet\n    processEmailReceivedAfter\n    minPollingIntervalSeconds\n    maxConcurrentRequestsPerMailbox\n    moveFailedToUndeliverable\n    isDefault\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailServerProfiles {\n    emailServerProfiles {\n      ...EmailServerProfileFields\n    }\n  }\n"): (typeof documents)["\n  query EmailServerProfiles {\n    emailServerProfiles {\n      ...EmailServerProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEmailServerProfile($input: UpdateEmailServerProfileInput!) {\n    updateEmailServerProfile(input: $input) {\n      ...EmailServerProfileFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEmailServerProfile($input: UpdateEmailServerProfileInput!) {\n    updateEmailServerProfile(input: $input) {\n      ...EmailServerProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobSummary on Job {\n    id\n    kind\n    status\n    done\n    total\n    failed\n    error\n    errorCode\n    createdAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment JobSummary on Job {\n    id\n    kind\n    status\n    done\n    total\n    failed\n    error\n    errorCode\n    createdAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      ...JobSummary\n    }\n  }\n"): (typeof documents)["\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      ...JobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobReport($id: ID!, $first: Int!, $after: String) {\n    job(id: $id) {\n      id\n      items(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            mailboxId\n            emailAddress\n            status\n            reasons\n            outcome\n            message\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JobReport($id: ID!, $first: Int!, $after: String) {\n    job(id: $id) {\n      id\n      items(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            mailboxId\n            emailAddress\n            status\n            reasons\n            outcome\n            message\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FolderTracking($mailboxId: ID!) {\n    folderTrackingRules(mailboxId: $mailboxId) {\n      id\n      folderId\n      folderPath\n      regardingType\n      regarding {\n        name\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query FolderTracking($mailboxId: ID!) {\n    folderTrackingRules(mailboxId: $mailboxId) {\n      id\n      folderId\n      folderPath\n      regardingType\n      regarding {\n        name\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailFolders($mailboxId: ID!) {\n    mailFolders(mailboxId: $mailboxId) {\n      id\n      path\n    }\n  }\n"): (typeof documents)["\n  query MailFolders($mailboxId: ID!) {\n    mailFolders(mailboxId: $mailboxId) {\n      id\n      path\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FolderRuleRecords($first: Int!) {\n    opportunities(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    accounts(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    contacts(first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FolderRuleRecords($first: Int!) {\n    opportunities(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    accounts(first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    contacts(first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFolderTracking($mailboxId: ID!, $enabled: Boolean!) {\n    setFolderTracking(mailboxId: $mailboxId, enabled: $enabled) {\n      ...MailboxRecord\n    }\n  }\n"): (typeof documents)["\n  mutation SetFolderTracking($mailboxId: ID!, $enabled: Boolean!) {\n    setFolderTracking(mailboxId: $mailboxId, enabled: $enabled) {\n      ...MailboxRecord\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFolderTrackingRule($mailboxId: ID!, $folderId: String!, $regardingId: ID) {\n    createFolderTrackingRule(mailboxId: $mailboxId, folderId: $folderId, regardingId: $regardingId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFolderTrackingRule($mailboxId: ID!, $folderId: String!, $regardingId: ID) {\n    createFolderTrackingRule(mailboxId: $mailboxId, folderId: $folderId, regardingId: $regardingId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFolderTrackingRule($id: ID!) {\n    deleteFolderTrackingRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteFolderTrackingRule($id: ID!) {\n    deleteFolderTrackingRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailboxRecord on Mailbox {\n    id\n    emailAddress\n    queueName\n    owner {\n      id\n      displayName\n      primaryEmail\n    }\n    approvalStatus\n    incomingMethod\n    incomingStatus\n    enabledForIncoming\n    outgoingMethod\n    outgoingStatus\n    enabledForOutgoing\n    actMethod\n    actStatus\n    enabledForAct\n    testRunStatus\n    processingState\n    consecutiveFailures\n    lastSyncAt\n    incomingFilter\n    folderTrackingEnabled\n    alerts {\n      id\n      severity\n      code\n      message\n      params\n      count\n      firstOccurredAt\n      lastOccurredAt\n    }\n  }\n"): (typeof documents)["\n  fragment MailboxRecord on Mailbox {\n    id\n    emailAddress\n    queueName\n    owner {\n      id\n      displayName\n      primaryEmail\n    }\n    approvalStatus\n    incomingMethod\n    incomingStatus\n    enabledForIncoming\n    outgoingMethod\n    outgoingStatus\n    enabledForOutgoing\n    actMethod\n    actStatus\n    enabledForAct\n    testRunStatus\n    processingState\n    consecutiveFailures\n    lastSyncAt\n    incomingFilter\n    folderTrackingEnabled\n    alerts {\n      id\n      severity\n      code\n      message\n      params\n      count\n      firstOccurredAt\n      lastOccurredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailboxSyncHistory on Mailbox {\n    syncHistory(first: 20) {\n      id\n      startedAt\n      finishedAt\n      outcome\n      messagesStored\n      copiesAttached\n      foldersResynced\n      failureMessage\n      failureCode\n      failureParams\n    }\n  }\n"): (typeof documents)["\n  fragment MailboxSyncHistory on Mailbox {\n    syncHistory(first: 20) {\n      id\n      startedAt\n      finishedAt\n      outcome\n      messagesStored\n      copiesAttached\n      foldersResynced\n      failureMessage\n      failureCode\n      failureParams\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mailbox($id: ID!) {\n    mailbox(id: $id) {\n      ...MailboxRecord\n      ...MailboxSyncHistory\n    }\n  }\n"): (typeof documents)["\n  query Mailbox($id: ID!) {\n    mailbox(id: $id) {\n      ...MailboxRecord\n      ...MailboxSyncHistory\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MailboxChanged {\n    mailboxStatusChanged {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription MailboxChanged {\n    mailboxStatusChanged {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissMailboxAlert($alertId: ID!) {\n    dismissMailboxAlert(alertId: $alertId) {\n      ...MailboxRecord\n    }\n  }\n"): (typeof documents)["\n  mutation DismissMailboxAlert($alertId: ID!) {\n    dismissMailboxAlert(alertId: $alertId) {\n      ...MailboxRecord\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMailbox($id: ID!, $input: UpdateMailboxInput!) {\n    updateMailbox(id: $id, input: $input) {\n      ...MailboxRecord\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMailbox($id: ID!, $input: UpdateMailboxInput!) {\n    updateMailbox(id: $id, input: $input) {\n      ...MailboxRecord\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n    lastSyncAt\n  }\n"): (typeof documents)["\n  fragment MailboxRow on Mailbox {\n    id\n    emailAddress\n    owner {\n      id\n      displayName\n    }\n    approvalStatus\n    incomingStatus\n    outgoingStatus\n    actStatus\n    testRunStatus\n    processingState\n    lastSyncAt\n  }\n"];
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
export function graphql(source: "\n  mutation ApproveAndTestMailboxes($mailboxIds: [ID!]!) {\n    approveAndTestMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveAndTestMailboxes($mailboxIds: [ID!]!) {\n    approveAndTestMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAndEnableMailboxes($mailboxIds: [ID!]!) {\n    testAndEnableMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n"): (typeof documents)["\n  mutation TestAndEnableMailboxes($mailboxIds: [ID!]!) {\n    testAndEnableMailboxes(mailboxIds: $mailboxIds) {\n      ...JobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    message\n    createdAt\n    readAt\n    data\n  }\n"): (typeof documents)["\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    message\n    createdAt\n    readAt\n    data\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!) {\n    notifications(first: $first) {\n      unreadCount\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationItem\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationHistory($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationHistory($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpportunityRow on Opportunity {\n    id\n    name\n    estimatedValue\n    account {\n      id\n      name\n    }\n    contacts {\n      id\n      firstName\n      lastName\n      emailAddress\n    }\n    owner {\n      id\n      displayName\n    }\n    createdAt\n  }\n"): (typeof documents)["\n  fragment OpportunityRow on Opportunity {\n    id\n    name\n    estimatedValue\n    account {\n      id\n      name\n    }\n    contacts {\n      id\n      firstName\n      lastName\n      emailAddress\n    }\n    owner {\n      id\n      displayName\n    }\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Opportunities($first: Int!, $after: String) {\n    opportunities(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OpportunityRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Opportunities($first: Int!, $after: String) {\n    opportunities(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OpportunityRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Opportunity($id: ID!) {\n    opportunity(id: $id) {\n      ...OpportunityRow\n    }\n  }\n"): (typeof documents)["\n  query Opportunity($id: ID!) {\n    opportunity(id: $id) {\n      ...OpportunityRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      salesLicense\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      roles\n      salesLicense\n    }\n  }\n"];
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
export function graphql(source: "\n  query EmailIntegrationAvailability {\n    emailIntegrationAvailability {\n      available\n      explanations\n    }\n  }\n"): (typeof documents)["\n  query EmailIntegrationAvailability {\n    emailIntegrationAvailability {\n      available\n      explanations\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncHealth($windowMinutes: Int!) {\n    syncHealth(windowMinutes: $windowMinutes) {\n      windowMinutes\n      minutes {\n        at\n        emailsSynced\n        failures\n        throttled\n      }\n      queues {\n        queue\n        waiting\n        active\n        delayed\n        failed\n      }\n      slowestMailboxes {\n        id\n        emailAddress\n        lastSyncAt\n        lagSeconds\n        consecutiveFailures\n      }\n    }\n  }\n"): (typeof documents)["\n  query SyncHealth($windowMinutes: Int!) {\n    syncHealth(windowMinutes: $windowMinutes) {\n      windowMinutes\n      minutes {\n        at\n        emailsSynced\n        failures\n        throttled\n      }\n      queues {\n        queue\n        waiting\n        active\n        delayed\n        failed\n      }\n      slowestMailboxes {\n        id\n        emailAddress\n        lastSyncAt\n        lagSeconds\n        consecutiveFailures\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEmail on Email {\n    id\n    subject\n    occurredAt\n    conversationId\n    direction\n    status\n    failureReason\n    failureCode\n    failureParams\n    bodyHtml\n    regarding {\n      id\n      type\n      name\n    }\n    from {\n      address\n      name\n    }\n    to {\n      address\n      name\n    }\n    cc {\n      address\n      name\n    }\n    copies {\n      emailAddress\n    }\n  }\n"): (typeof documents)["\n  fragment TimelineEmail on Email {\n    id\n    subject\n    occurredAt\n    conversationId\n    direction\n    status\n    failureReason\n    failureCode\n    failureParams\n    bodyHtml\n    regarding {\n      id\n      type\n      name\n    }\n    from {\n      address\n      name\n    }\n    to {\n      address\n      name\n    }\n    cc {\n      address\n      name\n    }\n    copies {\n      emailAddress\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineTask on Task {\n    id\n    subject\n    occurredAt\n    description\n    # Aliased: an email's status is another enum, and both share the timeline's selection.\n    taskStatus: status\n    importance\n    dueAt\n    completedAt\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TimelineTask on Task {\n    id\n    subject\n    occurredAt\n    description\n    # Aliased: an email's status is another enum, and both share the timeline's selection.\n    taskStatus: status\n    importance\n    dueAt\n    completedAt\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineAppointment on Appointment {\n    id\n    subject\n    occurredAt\n    description\n    location\n    startAt\n    endAt\n    isAllDay\n    attendees {\n      address\n      resolvedType\n    }\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TimelineAppointment on Appointment {\n    id\n    subject\n    occurredAt\n    description\n    location\n    startAt\n    endAt\n    isAllDay\n    attendees {\n      address\n      resolvedType\n    }\n    regarding {\n      id\n      type\n      name\n    }\n    syncDecision {\n      at\n      fields {\n        field\n        kept\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline($regardingId: ID!, $first: Int!, $after: String) {\n    timeline(regardingId: $regardingId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          ...TimelineEmail\n          ...TimelineTask\n          ...TimelineAppointment\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Timeline($regardingId: ID!, $first: Int!, $after: String) {\n    timeline(regardingId: $regardingId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          ...TimelineEmail\n          ...TimelineTask\n          ...TimelineAppointment\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TimelineChanged($regardingId: ID!) {\n    timelineChanged(regardingId: $regardingId) {\n      change\n      activityId\n      activity {\n        __typename\n        id\n        ...TimelineEmail\n        ...TimelineTask\n        ...TimelineAppointment\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TimelineChanged($regardingId: ID!) {\n    timelineChanged(regardingId: $regardingId) {\n      change\n      activityId\n      activity {\n        __typename\n        id\n        ...TimelineEmail\n        ...TimelineTask\n        ...TimelineAppointment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendEmail($input: SendEmailInput!) {\n    sendEmail(input: $input) {\n      __typename\n      ...TimelineEmail\n    }\n  }\n"): (typeof documents)["\n  mutation SendEmail($input: SendEmailInput!) {\n    sendEmail(input: $input) {\n      __typename\n      ...TimelineEmail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      __typename\n      ...TimelineTask\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) {\n      __typename\n      ...TimelineTask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTaskStatus($id: ID!, $status: TaskStatus!) {\n    updateTask(id: $id, input: { status: $status }) {\n      __typename\n      ...TimelineTask\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTaskStatus($id: ID!, $status: TaskStatus!) {\n    updateTask(id: $id, input: { status: $status }) {\n      __typename\n      ...TimelineTask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      __typename\n      ...TimelineAppointment\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      __typename\n      ...TimelineAppointment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    displayName\n    primaryEmail\n    userPrincipalName\n    exchangeLicenseValid\n    salesLicense\n    roles\n    disabled\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    displayName\n    primaryEmail\n    userPrincipalName\n    exchangeLicenseValid\n    salesLicense\n    roles\n    disabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($search: String, $first: Int!, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($search: String, $first: Int!, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDirectory {\n    importDirectory {\n      ...JobSummary\n    }\n  }\n"): (typeof documents)["\n  mutation ImportDirectory {\n    importDirectory {\n      ...JobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryImportReport($id: ID!) {\n    job(id: $id) {\n      id\n      report\n    }\n  }\n"): (typeof documents)["\n  query DirectoryImportReport($id: ID!) {\n    job(id: $id) {\n      id\n      report\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;