import type {
  ConsoleLinks,
  Health,
  SignalsResponse,
  TimeRange,
} from '../../../../../shared/observability.ts';
import { formatMs, formatPercent, formatRate, healthLook, healthOfRatio } from '../../../lib/health.ts';
import { useSignals } from '../api/get-signals.ts';
import { rangeLabels } from '../utils/url-state.ts';
import { ConsoleLinkBar } from './console-links.tsx';
import { LineChart } from './line-chart.tsx';
import { PanelError, PanelSkeleton, PartialFailures } from './panel-states.tsx';
import './observability.css';

const perSecond = (value: number) => formatRate(value, '/s');
const latency = (value: number) => formatMs(value);
const instances = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Golden signals of one service over the range: request rate, 5xx ratio, latency percentiles, instances. */
export function SignalsPanel({
  name,
  range,
  links,
}: {
  name: string;
  range: TimeRange;
  links: ConsoleLinks | null;
}) {
  const signals = useSignals(name, range);
  return (
    <div className="obs-panel" data-testid="signals-panel">
      {signals.isPending ? (
        <PanelSkeleton label="Loading signals…" blocks={4} />
      ) : signals.isError ? (
        <PanelError what="the signals" error={signals.error} onRetry={() => void signals.refetch()} />
      ) : (
        <Signals data={signals.data} range={range} />
      )}
      <ConsoleLinkBar links={links} first={['metrics', 'cloudRun', 'logs']} />
    </div>
  );
}

function Signals({ data, range }: { data: SignalsResponse; range: TimeRange }) {
  const { series, summary } = data;
  const look = healthLook[summary.health];
  const step =
    data.stepSeconds >= 3600 ? `${data.stepSeconds / 3600} h` : `${Math.round(data.stepSeconds / 60)} min`;
  return (
    <>
      <p className="obs-panel__lede">
        <span className={`health-chip health-chip--${summary.health}`} title={look.description}>
          {look.label}
        </span>{' '}
        over {rangeLabels[range].long}, {step} steps, from Cloud Monitoring.
      </p>
      <PartialFailures failures={data.failures} what="These signals" />
      <SignalCard
        title="Request rate"
        figure={perSecond(summary.requestsPerSecond ?? Number.NaN)}
        testId="rate"
      >
        <LineChart
          label="Requests per second over time"
          series={[{ key: 'rps', label: 'requests', points: series.requestsPerSecond, colour: '#2563eb' }]}
          from={data.from}
          to={data.to}
          format={perSecond}
          area
        />
      </SignalCard>
      <SignalCard
        title="5xx ratio"
        figure={formatPercent(summary.errorRatio)}
        tone={healthOfRatio(summary.errorRatio)}
        testId="errors"
      >
        <LineChart
          label="Share of requests answered 5xx over time"
          series={[{ key: 'err', label: '5xx', points: series.errorRatio, colour: '#dc2626' }]}
          from={data.from}
          to={data.to}
          format={formatPercent}
          area
          minTop={0.12}
          threshold={{ value: 0.1, label: 'failing', colour: '#b91c1c' }}
        />
      </SignalCard>
      <SignalCard
        title="Latency"
        figure={
          <span className="signal-card__percentiles">
            <span>p50 {formatMs(summary.p50Ms)}</span>
            <span>p95 {formatMs(summary.p95Ms)}</span>
            <span>p99 {formatMs(summary.p99Ms)}</span>
          </span>
        }
        testId="latency"
      >
        <LineChart
          label="Latency percentiles over time"
          series={[
            { key: 'p50', label: 'p50', points: series.p50Ms, colour: '#a78bfa' },
            { key: 'p95', label: 'p95', points: series.p95Ms, colour: '#7c3aed' },
            { key: 'p99', label: 'p99', points: series.p99Ms, colour: '#4c1d95', dash: '4 3' },
          ]}
          from={data.from}
          to={data.to}
          format={latency}
        />
        <ul className="chart-legend" aria-hidden="true">
          <li style={{ color: '#a78bfa' }}>p50</li>
          <li style={{ color: '#7c3aed' }}>p95</li>
          <li style={{ color: '#4c1d95' }}>p99 (dashed)</li>
        </ul>
      </SignalCard>
      <SignalCard
        title="Instances"
        figure={summary.instances === null ? '–' : instances(summary.instances)}
        testId="instances"
      >
        <LineChart
          label="Active instances over time"
          series={[{ key: 'inst', label: 'instances', points: series.instances, colour: '#0d9488' }]}
          from={data.from}
          to={data.to}
          format={instances}
          minTop={1}
        />
      </SignalCard>
    </>
  );
}

function SignalCard({
  title,
  figure,
  tone = null,
  testId,
  children,
}: {
  title: string;
  figure: React.ReactNode;
  tone?: Health | null;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <section className="signal-card" aria-label={title} data-signal={testId}>
      <header className="signal-card__head">
        <h4>{title}</h4>
        <span className={`signal-card__figure${tone ? ` signal-card__figure--${tone}` : ''}`}>{figure}</span>
      </header>
      {children}
    </section>
  );
}
