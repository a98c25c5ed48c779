import { Badge } from '@fluentui/react-components';
import type { TestStatus } from '../../../gql/graphql';
import { TEST_STATUS_COLORS, TEST_STATUS_LABELS } from '../mailbox.labels';

export function TestStatusBadge({ status }: { status: TestStatus }) {
  return (
    <Badge appearance="tint" color={TEST_STATUS_COLORS[status]}>
      {TEST_STATUS_LABELS[status]}
    </Badge>
  );
}
