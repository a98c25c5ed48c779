import { describe, expect, it } from 'vitest';
import {
  classifyGraphResponse,
  classifyMsalFailure,
  GraphAdapterError,
  type GraphResponseFacts,
} from './graph-errors.ts';

const facts = (overrides: Partial<GraphResponseFacts>): GraphResponseFacts => ({
  status: 400,
  code: null,
  mailboxCall: true,
  ...overrides,
});

describe('classifyGraphResponse', () => {
  it.each([
    [401, 'InvalidAuthenticationToken', 'AUTH_FAILED', true],
    [404, 'ErrorItemNotFound', 'NOT_FOUND', true],
    [404, 'MailboxNotEnabledForRESTAPI', 'MAILBOX_UNAVAILABLE', true],
    [404, 'ErrorInvalidUser', 'MAILBOX_UNAVAILABLE', true],
    [410, 'SyncStateNotFound', 'CURSOR_EXPIRED', true],
    [410, 'resyncRequired', 'CURSOR_EXPIRED', true],
    [400, 'syncStateNotFound', 'CURSOR_EXPIRED', true],
    [410, null, 'CURSOR_EXPIRED', true],
    [429, 'ApplicationThrottled', 'THROTTLED', false],
    [429, 'TooManyRequests', 'THROTTLED', false],
    [503, 'ErrorMailboxMoveInProgress', 'TRANSIENT', false],
    [503, 'serviceNotAvailable', 'TRANSIENT', false],
    [504, 'UnknownError', 'TRANSIENT', false],
    [500, 'generalException', 'TRANSIENT', false],
    [409, 'ErrorIrresolvableConflict', 'TRANSIENT', false],
    [400, 'ErrorInvalidIdMalformed', 'INVALID_REQUEST', true],
    [400, 'BadRequest', 'INVALID_REQUEST', true],
    [405, 'Request_BadRequest', 'INVALID_REQUEST', true],
    [403, 'ExtensionError', 'INVALID_REQUEST', true],
  ] as const)('%i %s is %s', (status, code, kind, permanent) => {
    const failure = classifyGraphResponse(facts({ status, code }));
    expect(failure).toMatchObject({ kind, status, code, permanent });
  });

  it('keeps Retry-After and the request id', () => {
    expect(
      classifyGraphResponse(facts({ status: 429, code: 'ApplicationThrottled', retryAfterMs: 1000, requestId: 'r1' })),
    ).toEqual({
      kind: 'THROTTLED',
      status: 429,
      code: 'ApplicationThrottled',
      permanent: false,
      retryAfterMs: 1000,
      requestId: 'r1',
    });
  });

  it('reads Request_ResourceNotFound as a missing mailbox on mailbox paths and a missing object elsewhere', () => {
    expect(
      classifyGraphResponse(facts({ status: 404, code: 'Request_ResourceNotFound', mailboxCall: true })).kind,
    ).toBe('MAILBOX_UNAVAILABLE');
    expect(
      classifyGraphResponse(facts({ status: 404, code: 'Request_ResourceNotFound', mailboxCall: false })).kind,
    ).toBe('NOT_FOUND');
  });

  describe('403 ErrorAccessDenied', () => {
    const denied = { status: 403, code: 'ErrorAccessDenied', permission: 'Mail.ReadWrite' };

    it('is an access policy when the token held the permission and policies cover the area', () => {
      expect(
        classifyGraphResponse(facts({ ...denied, tokenHadPermission: true, accessPolicyApplies: true })),
      ).toMatchObject({
        kind: 'ACCESS_POLICY_DENIED',
        permission: 'Mail.ReadWrite',
        permanent: true,
      });
    });

    it('is a missing permission when the token lacked it', () => {
      expect(
        classifyGraphResponse(facts({ ...denied, tokenHadPermission: false, accessPolicyApplies: true })),
      ).toMatchObject({
        kind: 'PERMISSION_MISSING',
        permission: 'Mail.ReadWrite',
      });
    });

    it('is a missing permission where no access policy applies (To Do, directory)', () => {
      expect(
        classifyGraphResponse(
          facts({ ...denied, permission: 'Tasks.ReadWrite.All', tokenHadPermission: true, accessPolicyApplies: false }),
        ).kind,
      ).toBe('PERMISSION_MISSING');
    });

    it('is a missing permission when the token could not be read', () => {
      expect(classifyGraphResponse(facts({ ...denied, accessPolicyApplies: true })).kind).toBe('PERMISSION_MISSING');
    });
  });

  it('does not depend on the message text: only status and code are inputs', () => {
    const a = classifyGraphResponse(
      facts({ status: 403, code: 'ErrorAccessDenied', tokenHadPermission: true, accessPolicyApplies: true }),
    );
    expect(a.kind).toBe('ACCESS_POLICY_DENIED');
    expect(Object.keys(a)).not.toContain('message');
  });
});

describe('classifyMsalFailure', () => {
  it.each([
    [{ errorCode: 'invalid_client', status: 401 }, 'AUTH_FAILED'],
    [{ errorCode: 'unauthorized_client', status: 400 }, 'AUTH_FAILED'],
    [{ errorCode: 'invalid_request', status: 400 }, 'AUTH_FAILED'],
    [{ errorCode: 'invalid_scope', status: 400 }, 'AUTH_FAILED'],
    [{ errorCode: 'network_error' }, 'TRANSIENT'],
    [{ errorCode: 'temporarily_unavailable', status: 503 }, 'TRANSIENT'],
    [{ errorCode: 'server_error', status: 500 }, 'TRANSIENT'],
    [{ errorCode: 'throttled', status: 429 }, 'THROTTLED'],
    [{}, 'AUTH_FAILED'],
  ] as const)('%o is %s', (error, kind) => {
    expect(classifyMsalFailure(error).kind).toBe(kind);
  });
});

describe('GraphAdapterError', () => {
  it('carries the failure and names it in the message', () => {
    const error = new GraphAdapterError(classifyGraphResponse(facts({ status: 404, code: 'ErrorItemNotFound' })), {
      detail: '/users/a/messages/b',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe('NOT_FOUND');
    expect(error.message).toBe('Graph NOT_FOUND 404 ErrorItemNotFound: /users/a/messages/b');
  });
});
