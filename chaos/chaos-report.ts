// What a chaos run found, the counts that must be zero, and the table `npm run chaos` prints.

export interface ChaosReport {
  seconds: number;
  cores: number;
  mailboxes: number;
  workers: number;
  faults: { name: string; injected: number; detail: string }[];
  messages: {
    expected: number;
    found: number;
    duplicated: number;
    missing: number;
    copiesExpected: number;
    copiesMissing: number;
    /** Copies attached to an email with another Internet message id. */
    copiesWrong: number;
    /** Copies Postgres holds for messages no longer in a synced folder. */
    copiesUnexpected: number;
  };
  deliveries: number;
  sends: {
    requested: number;
    sentInExchange: number;
    duplicated: number;
    notSent: number;
    /** Sent in Exchange but not (yet) Sent in the CRM. */
    notMarkedSent: number;
    /** Sends the API still refused a minute after the faults (given up on). */
    refused: number;
    /** sendEmail calls refused (and tried again), by error code. */
    requestErrors: number;
    requestErrorCodes: Record<string, number>;
  };
  throttling: {
    requests: number;
    throttled: number;
    concurrencyViolations: number;
    retryAfterViolations: number;
    /** The emulator's last violations, for diagnosis. */
    recentViolations: string[];
  };
  notifications: Record<string, number>;
  processes: { started: number; killed: number; unplannedExits: number; exitOutput: string[] };
  logged: { message: string; count: number }[];
}

/** The counts that must be zero, with their values: the run fails when any is not. */
export function mustBeZero(report: ChaosReport): { check: string; value: number }[] {
  return [
    { check: 'messages duplicated', value: report.messages.duplicated },
    { check: 'messages missing', value: report.messages.missing },
    { check: 'mailbox copies missing', value: report.messages.copiesMissing },
    { check: 'mailbox copies on the wrong email', value: report.messages.copiesWrong },
    { check: 'mailbox copies of messages gone from Exchange', value: report.messages.copiesUnexpected },
    { check: 'sends refused by the API', value: report.sends.refused },
    { check: 'sends duplicated', value: report.sends.duplicated },
    { check: 'sends not sent', value: report.sends.notSent },
    { check: 'sends not marked Sent in the CRM', value: report.sends.notMarkedSent },
    { check: 'requests over the concurrency limit', value: report.throttling.concurrencyViolations },
    { check: 'requests inside a Retry-After window', value: report.throttling.retryAfterViolations },
    { check: 'processes that died unplanned', value: report.processes.unplannedExits },
  ];
}

export function failures(report: ChaosReport): { check: string; value: number }[] {
  return mustBeZero(report).filter((row) => row.value !== 0);
}

const number = (n: number) => n.toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The run as one table: faults injected, then every count, the ones that must be zero marked. */
export function formatReport(report: ChaosReport): string {
  const zero = new Map(mustBeZero(report).map((row) => [row.check, row.value]));
  const line = (check: string, value: number, note = ''): string[] => {
    const must = zero.has(check);
    return [check, number(value), must ? (value === 0 ? 'ok' : 'FAIL') : '', note];
  };
  const m = report.messages;
  const s = report.sends;
  const t = report.throttling;
  const rows: string[][] = [
    ['', 'count', 'result', 'detail'],
    ...report.faults.map((f) => [`fault: ${f.name}`, number(f.injected), '', f.detail]),
    line(
      'messages expected',
      m.expected,
      `Inbox + Sent Items of ${report.mailboxes} mailboxes, ${number(report.deliveries)} delivered live`,
    ),
    line('messages found', m.found),
    line('messages duplicated', m.duplicated),
    line('messages missing', m.missing),
    line('mailbox copies expected', m.copiesExpected),
    line('mailbox copies missing', m.copiesMissing),
    line('mailbox copies on the wrong email', m.copiesWrong),
    line('mailbox copies of messages gone from Exchange', m.copiesUnexpected),
    line(
      'sends requested',
      s.requested,
      s.requestErrors === 0
        ? 'through the API'
        : `through the API; ${s.requestErrors} refused and tried again (${Object.entries(s.requestErrorCodes)
            .map(([code, n]) => `${code} ${n}`)
            .join(', ')})`,
    ),
    line('sends refused by the API', s.refused),
    line('sends sent in Exchange', s.sentInExchange),
    line('sends duplicated', s.duplicated),
    line('sends not sent', s.notSent),
    line('sends not marked Sent in the CRM', s.notMarkedSent),
    line(
      'requests over the concurrency limit',
      t.concurrencyViolations,
      `of ${number(t.requests)} Graph requests, ${number(t.throttled)} answered 429`,
    ),
    line('requests inside a Retry-After window', t.retryAfterViolations),
    line(
      'processes that died unplanned',
      report.processes.unplannedExits,
      `${report.processes.started} started, ${report.processes.killed} killed on purpose`,
    ),
  ];
  const failed = failures(report);
  return [
    `Chaos run: ${report.mailboxes} mailboxes, ${report.workers} workers, ${report.seconds.toFixed(0)} s on ${report.cores} cores`,
    '',
    table(rows),
    '',
    `notifications: ${Object.entries(report.notifications)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    ...(report.logged.length > 0
      ? ['errors logged:', ...report.logged.map((l) => `  ${l.count}× ${l.message}`)]
      : ['errors logged: none']),
    ...(report.throttling.recentViolations.length > 0
      ? ['last throttling violations:', ...report.throttling.recentViolations.slice(-10).map((v) => `  ${v}`)]
      : []),
    ...report.processes.exitOutput.map((o) => `unplanned exit, last output:\n${o}`),
    '',
    failed.length === 0 ? 'All zeros.' : `NOT all zeros: ${failed.map((f) => `${f.check} ${f.value}`).join(', ')}`,
  ].join('\n');
}
