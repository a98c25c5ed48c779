/**
 * The application permission (app role) a Graph call needs. Used to tell the two kinds of
 * 403 `ErrorAccessDenied` apart without reading the message (see `graph-errors.ts`) and to
 * name the missing permission in alerts.
 */
export interface PermissionNeed {
  /** The permission Mailroom asks administrators to grant for this area. */
  readonly permission: string;
  /** Roles in the access token any one of which lets the call through. */
  readonly satisfiedBy: readonly string[];
  /**
   * Whether an Exchange application access policy can deny the call. Policies cover Mail.*,
   * MailboxSettings.*, Calendars.* and Contacts.*, not Tasks nor directory reads.
   */
  readonly accessPolicyApplies: boolean;
}

const need = (permission: string, satisfiedBy: readonly string[], accessPolicyApplies: boolean): PermissionNeed => ({
  permission,
  satisfiedBy,
  accessPolicyApplies,
});

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];

export const PERMISSIONS = {
  mailRead: need('Mail.ReadWrite', ['Mail.ReadWrite', 'Mail.Read'], true),
  mailWrite: need('Mail.ReadWrite', ['Mail.ReadWrite'], true),
  mailSend: need('Mail.Send', ['Mail.Send'], true),
  calendarsRead: need('Calendars.ReadWrite', ['Calendars.ReadWrite', 'Calendars.Read'], true),
  calendarsWrite: need('Calendars.ReadWrite', ['Calendars.ReadWrite'], true),
  contactsRead: need('Contacts.ReadWrite', ['Contacts.ReadWrite', 'Contacts.Read'], true),
  contactsWrite: need('Contacts.ReadWrite', ['Contacts.ReadWrite'], true),
  tasksRead: need('Tasks.ReadWrite.All', ['Tasks.ReadWrite.All', 'Tasks.Read.All'], false),
  tasksWrite: need('Tasks.ReadWrite.All', ['Tasks.ReadWrite.All'], false),
  usersRead: need('User.Read.All', ['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ], false),
  organizationRead: need(
    'Organization.Read.All',
    ['Organization.Read.All', 'Organization.ReadWrite.All', ...DIRECTORY_READ],
    false,
  ),
} as const satisfies Record<string, PermissionNeed>;

/** Whether a token carrying `roles` satisfies `need`. */
export function rolesSatisfy(roles: ReadonlySet<string>, permissionNeed: PermissionNeed): boolean {
  return permissionNeed.satisfiedBy.some((role) => roles.has(role));
}
