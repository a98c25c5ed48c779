import type { BadgeProps, MessageBarProps } from '@fluentui/react-components';
import type { EmailConfigurationStatus } from '../../gql/graphql';

// The statuses' names are in email-configuration.strings.ts (`status.<STATUS>`).
export const CONFIGURATION_STATUS_COLORS: Record<EmailConfigurationStatus, NonNullable<BadgeProps['color']>> = {
  NOT_CONNECTED: 'informative',
  NEEDS_EXCHANGE_SUBSCRIPTION: 'warning',
  READY: 'brand',
  CONFIGURED: 'success',
};

export const NEXT_STEP_INTENTS: Record<EmailConfigurationStatus, NonNullable<MessageBarProps['intent']>> = {
  NOT_CONNECTED: 'info',
  NEEDS_EXCHANGE_SUBSCRIPTION: 'warning',
  READY: 'info',
  CONFIGURED: 'success',
};
