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
import { useFormat } from '../../../shared/format';
import { useText } from '../../../shared/i18n';
import type { SyncHealthMinute } from '../graphql/sync-health.graphql';
import { totalsOf, type WindowMinutes } from '../sync-health.labels';
import { syncHealthText } from '../sync-health.strings';

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
  windowMinutes,
}: {
  minutes: readonly SyncHealthMinute[];
  windowMinutes: WindowMinutes;
}) {
  const styles = useStyles();
  const t = useText(syncHealthText);
  const format = useFormat();
  const period = t(`windowPhrase.${windowMinutes}`);
  const count = (n: number) => ({ count: n, n: format.number(n) });
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
        legend: t('syncedLegend'),
        color: tokens.colorBrandBackground,
        xAxisCalloutData: format.time(minute.at),
        yAxisCalloutData: t('syncedCallout', { count: minute.emailsSynced, n: format.number(minute.emailsSynced) }),
      })),
    [minutes, t, format],
  );
  const problemsData = useMemo(
    () => ({
      lineChartData: [
        {
          legend: t('failedSyncs'),
          color: DataVizPalette.error,
          data: minutes.map((minute) => ({ x: new Date(minute.at), y: minute.failures })),
        },
        {
          legend: t('throttled'),
          color: DataVizPalette.warning,
          data: minutes.map((minute) => ({ x: new Date(minute.at), y: minute.throttled })),
        },
      ],
    }),
    [minutes, t],
  );
  const active = minutes.filter((minute) => minute.emailsSynced > 0 || minute.failures > 0 || minute.throttled > 0);

  return (
    <div>
      <div className={styles.charts}>
        <figure className={styles.figure} aria-labelledby={syncedId}>
          <Subtitle2 as="h2" id={syncedId}>
            {t('syncedHeading')}
          </Subtitle2>
          <Body1>
            {t('syncedSummary', { ...count(totals.emailsSynced), period })}
            {syncedPeak &&
              t('syncedPeak', { n: format.number(syncedPeak.emailsSynced), time: format.time(syncedPeak.at) })}
            {'.'}
          </Body1>
          <div className={styles.chart}>
            <VerticalBarChart
              data={syncedData}
              height={CHART_HEIGHT}
              hideLegend
              // Time-scaled bars are as wide as the minutes allow: 12 px for an hour, 2 px for a day.
              barWidth={Math.max(2, Math.min(12, Math.floor(600 / Math.max(1, minutes.length))))}
              yAxisTitle={t('emailsAxis')}
              customDateTimeFormatter={(at) => format.time(at)}
              yAxisTickFormat={(value: number) => format.number(value)}
            />
          </div>
        </figure>
        <figure className={styles.figure} aria-labelledby={problemsId}>
          <Subtitle2 as="h2" id={problemsId}>
            {t('problemsHeading')}
          </Subtitle2>
          <Body1>
            {t('problemsSummary', {
              failures: t('failedSyncsCount', count(totals.failures)),
              throttled: t('throttledCount', count(totals.throttled)),
              period,
            })}
          </Body1>
          <div className={styles.chart}>
            <LineChart
              data={problemsData}
              height={CHART_HEIGHT}
              yAxisTitle={t('countAxis')}
              customDateTimeFormatter={(at) => format.time(at)}
              yAxisTickFormat={(value: number) => format.number(value)}
            />
          </div>
        </figure>
      </div>
      <details className={styles.details}>
        <summary className={styles.summary}>
          <Subtitle2 id={tableId}>{t('figures')}</Subtitle2>
        </summary>
        {active.length === 0 ? (
          <Body1>{t('figuresEmpty')}</Body1>
        ) : (
          <Table aria-labelledby={tableId} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('minute')}</TableHeaderCell>
                <TableHeaderCell>{t('emailsSynced')}</TableHeaderCell>
                <TableHeaderCell>{t('failedSyncs')}</TableHeaderCell>
                <TableHeaderCell>{t('throttled')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {active.map((minute) => (
                <TableRow key={minute.at}>
                  <TableCell>
                    <time dateTime={minute.at}>{format.time(minute.at)}</time>
                  </TableCell>
                  <TableCell>{format.number(minute.emailsSynced)}</TableCell>
                  <TableCell>{format.number(minute.failures)}</TableCell>
                  <TableCell>{format.number(minute.throttled)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </details>
    </div>
  );
}
