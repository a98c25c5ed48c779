import { DataVizPalette, LineChart, VerticalBarChart } from '@fluentui/react-charts';
import {
  Body1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { SyncHealthMinute } from '../graphql/sync-health.graphql';
import { formatMinute, totalsOf } from '../sync-health.labels';

const CHART_HEIGHT = 260;

const useStyles = makeStyles({
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  chart: { minHeight: `${CHART_HEIGHT}px` },
  details: { marginTop: tokens.spacingVerticalM },
  summary: { cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0` },
});

/** Summary sentences: what a chart shows, for those who cannot see it. */
function peakOf(minutes: readonly SyncHealthMinute[], key: 'emailsSynced' | 'failures' | 'throttled') {
  return minutes.reduce<SyncHealthMinute | null>(
    (best, minute) => (minute[key] > 0 && (best === null || minute[key] > best[key]) ? minute : best),
    null,
  );
}

/** Emails synced per minute (bars), failures and 429s per minute (lines), and the same figures as a table. */
export function SyncHealthCharts({
  minutes,
  windowLabel,
}: {
  minutes: readonly SyncHealthMinute[];
  windowLabel: string;
}) {
  const styles = useStyles();
  const syncedId = useId();
  const problemsId = useId();
  const tableId = useId();
  const totals = totalsOf(minutes);
  const syncedPeak = peakOf(minutes, 'emailsSynced');

  const syncedData = useMemo(
    () =>
      minutes.map((minute) => ({
        x: new Date(minute.at),
        y: minute.emailsSynced,
        legend: 'Emails synced',
        color: tokens.colorBrandBackground,
        xAxisCalloutData: formatMinute(minute.at),
        yAxisCalloutData: `${minute.emailsSynced} emails`,
      })),
    [minutes],
  );
  const problemsData = useMemo(
    () => ({
      lineChartData: [
        {
          legend: 'Failed syncs',
          color: DataVizPalette.error,
          data: minutes.map((minute) => ({ x: new Date(minute.at), y: minute.failures })),
        },
        {
          legend: 'Throttled requests (429)',
          color: DataVizPalette.warning,
          data: minutes.map((minute) => ({ x: new Date(minute.at), y: minute.throttled })),
        },
      ],
    }),
    [minutes],
  );
  const active = minutes.filter((minute) => minute.emailsSynced > 0 || minute.failures > 0 || minute.throttled > 0);

  return (
    <div>
      <div className={styles.charts}>
        <figure className={styles.figure} aria-labelledby={syncedId}>
          <Subtitle2 as="h2" id={syncedId}>
            Emails synced per minute
          </Subtitle2>
          <Body1>
            {totals.emailsSynced} emails synced, {windowLabel.toLowerCase()}
            {syncedPeak && `; most in one minute: ${syncedPeak.emailsSynced} at ${formatMinute(syncedPeak.at)}`}.
          </Body1>
          <div className={styles.chart}>
            <VerticalBarChart
              data={syncedData}
              height={CHART_HEIGHT}
              hideLegend
              // Time-scaled bars are as wide as the minutes allow: 12 px for an hour, 2 px for a day.
              barWidth={Math.max(2, Math.min(12, Math.floor(600 / Math.max(1, minutes.length))))}
              yAxisTitle="Emails"
            />
          </div>
        </figure>
        <figure className={styles.figure} aria-labelledby={problemsId}>
          <Subtitle2 as="h2" id={problemsId}>
            Failures and throttling per minute
          </Subtitle2>
          <Body1>
            {totals.failures} failed {totals.failures === 1 ? 'sync' : 'syncs'} and {totals.throttled} throttled{' '}
            {totals.throttled === 1 ? 'request' : 'requests'} (429), {windowLabel.toLowerCase()}.
          </Body1>
          <div className={styles.chart}>
            <LineChart data={problemsData} height={CHART_HEIGHT} yAxisTitle="Count" />
          </div>
        </figure>
      </div>
      <details className={styles.details}>
        <summary className={styles.summary}>
          <Subtitle2 id={tableId}>Figures per minute</Subtitle2>
        </summary>
        {active.length === 0 ? (
          <Body1>No emails, failures or throttling in this window.</Body1>
        ) : (
          <Table aria-labelledby={tableId} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Minute</TableHeaderCell>
                <TableHeaderCell>Emails synced</TableHeaderCell>
                <TableHeaderCell>Failed syncs</TableHeaderCell>
                <TableHeaderCell>Throttled requests (429)</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {active.map((minute) => (
                <TableRow key={minute.at}>
                  <TableCell>
                    <time dateTime={minute.at}>{formatMinute(minute.at)}</time>
                  </TableCell>
                  <TableCell>{minute.emailsSynced}</TableCell>
                  <TableCell>{minute.failures}</TableCell>
                  <TableCell>{minute.throttled}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </details>
    </div>
  );
}
