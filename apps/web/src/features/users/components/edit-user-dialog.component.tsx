import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { SalesLicense, SecurityRoleName } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/error-message';
import { useText } from '../../../shared/i18n';
import { UpdateUserMutation, type UserRow } from '../graphql/users.graphql';
import { SALES_LICENSES, STANDARD_ROLES } from '../user.labels';
import { usersText } from '../users.strings';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  roles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { margin: 0, overflowWrap: 'anywhere' },
  email: { color: tokens.colorNeutralForeground3 },
});

type EditUserDialogProps = {
  /** The user to edit, kept after closing so the dialog does not empty while it fades out. */
  user: UserRow | null;
  open: boolean;
  onClose: () => void;
  /** Called with the user as they were and as the API saved them. */
  onSaved: (before: UserRow, after: UserRow) => void;
};

/** Sets a user's standard roles and sales licence. */
export function EditUserDialog({ user, open, onClose, onSaved }: EditUserDialogProps) {
  // The surface unmounts once closed, so each opening starts from the user's current roles and licence.
  return (
    <Dialog open={open && user !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        {user !== null && <EditUserForm key={user.id} user={user} onClose={onClose} onSaved={onSaved} />}
      </DialogSurface>
    </Dialog>
  );
}

type EditUserFormProps = { user: UserRow } & Pick<EditUserDialogProps, 'onClose' | 'onSaved'>;

function EditUserForm({ user, onClose, onSaved }: EditUserFormProps) {
  const styles = useStyles();
  const t = useText(usersText);
  const rolesLabelId = useId();
  const [roles, setRoles] = useState<ReadonlySet<SecurityRoleName>>(() => new Set(user.roles));
  const [salesLicense, setSalesLicense] = useState<SalesLicense>(user.salesLicense);
  const [{ fetching, error }, updateUser] = useMutation(UpdateUserMutation);

  function toggleRole(role: SecurityRoleName, checked: boolean) {
    setRoles((previous) => {
      const next = new Set(previous);
      if (checked) next.add(role);
      else next.delete(role);
      return next;
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await updateUser({
      input: { userId: user.id, roles: STANDARD_ROLES.filter((role) => roles.has(role)), salesLicense },
    });
    if (result.data) onSaved(user, result.data.updateUser);
  }

  // The buttons stay focusable while saving: focus lost inside the dialog would not find its way
  // back to the row's Edit button once the dialog closes.
  return (
    <form onSubmit={handleSubmit}>
      <DialogBody>
        <DialogTitle>{t('dialog.title')}</DialogTitle>
        <DialogContent className={styles.content}>
          <div className={styles.who}>
            <Body1 as="p" block className={styles.line}>
              {user.displayName}
            </Body1>
            <Body1 as="p" block className={mergeClasses(styles.line, styles.email)}>
              {user.primaryEmail}
            </Body1>
          </div>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{t('dialog.saveFailed')}</MessageBarTitle>
                {errorMessage(error)}
              </MessageBarBody>
            </MessageBar>
          )}
          <div role="group" aria-labelledby={rolesLabelId} className={styles.roles}>
            <Label id={rolesLabelId} weight="semibold">
              {t('dialog.roles')}
            </Label>
            {STANDARD_ROLES.map((role) => (
              <Checkbox
                key={role}
                label={t(`role.${role}`)}
                checked={roles.has(role)}
                onChange={(_, data) => toggleRole(role, data.checked === true)}
              />
            ))}
          </div>
          <Field label={t('dialog.salesLicence')}>
            <Select
              value={salesLicense}
              onChange={(_, data) =>
                setSalesLicense(SALES_LICENSES.find((license) => license === data.value) ?? salesLicense)
              }
            >
              {SALES_LICENSES.map((license) => (
                <option key={license} value={license}>
                  {t(`licence.${license}`)}
                </option>
              ))}
            </Select>
          </Field>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabledFocusable={fetching}>
            {t('cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabledFocusable={fetching}>
            {fetching ? t('saving') : t('save')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
