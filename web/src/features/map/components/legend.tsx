import { Panel } from '@xyflow/react';
import { verdictSchema } from '../../../../../shared/model.ts';
import { VerdictChip } from '../../../components/verdict-chip.tsx';
import { edgeKindStyle } from '../utils/edge-style.ts';
import {
  CalendarIcon,
  DatabaseIcon,
  GlobeIcon,
  JobIcon,
  LoadBalancerIcon,
  ServiceIcon,
} from './node-icons.tsx';
import './map-layers.css';

/** What the colours, shapes and lines of the map mean. */
export function Legend() {
  return (
    <Panel position="top-left">
      <details className="legend card" open>
        <summary>Legend</summary>
        <div className="legend__body">
          <section aria-label="Exposure verdicts">
            <h3>Exposure</h3>
            <ul>
              {verdictSchema.options.map((verdict) => (
                <li key={verdict}>
                  <VerdictChip verdict={verdict} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Node kinds">
            <h3>Nodes</h3>
            <ul>
              <li>
                <span className="legend__swatch legend__swatch--service">
                  <ServiceIcon />
                </span>
                Service
              </li>
              <li>
                <span className="legend__swatch legend__swatch--job">
                  <JobIcon />
                </span>
                Job
              </li>
              <li>
                <span className="legend__swatch legend__swatch--internet">
                  <GlobeIcon />
                </span>
                Internet
              </li>
              <li>
                <span className="legend__swatch legend__swatch--lb">
                  <LoadBalancerIcon />
                </span>
                Load balancer
              </li>
              <li>
                <span className="legend__swatch legend__swatch--event">
                  <CalendarIcon />
                </span>
                Event source
              </li>
              <li>
                <span className="legend__swatch legend__swatch--backing">
                  <DatabaseIcon />
                </span>
                Database, secret
              </li>
            </ul>
          </section>
          <section aria-label="Edge kinds">
            <h3>Edges</h3>
            <ul>
              {Object.entries(edgeKindStyle).map(([kind, look]) => (
                <li key={kind} title={look.description}>
                  <svg className="legend__line" viewBox="0 0 36 10" aria-hidden="true" focusable="false">
                    <line
                      x1="1"
                      y1="5"
                      x2="28"
                      y2="5"
                      stroke={look.color}
                      strokeWidth={look.width}
                      strokeDasharray={look.dash}
                    />
                    <path d="M27 1L35 5L27 9z" fill={look.color} />
                  </svg>
                  {look.label}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Finding counts">
            <h3>Findings</h3>
            <p className="legend__note">
              Chips <span className="chip chip--count sev sev--critical">C 1</span>{' '}
              <span className="chip chip--count sev sev--high">H 2</span> count findings by severity
            </p>
          </section>
        </div>
      </details>
    </Panel>
  );
}
