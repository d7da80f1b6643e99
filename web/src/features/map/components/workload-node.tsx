import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { SeverityCountChips } from '../../../components/severity-chip.tsx';
import { VerdictChip } from '../../../components/verdict-chip.tsx';
import { displayText } from '../../../lib/display-text.ts';
import type { WorkloadFlowNode } from '../utils/to-flow.ts';
import { HealthRing } from './health-ring.tsx';
import { JobIcon, ServiceIcon } from './node-icons.tsx';

/** A service or a job: kind by shape and icon, verdict chip, finding counts by severity, health ring. */
export const WorkloadNode = memo(function WorkloadNode({ data, selected }: NodeProps<WorkloadFlowNode>) {
  const { node } = data;
  const verdict = node.kind === 'service' ? node.exposure.verdict : null;
  const classes = ['wl', `wl--${node.kind}`, verdict ? `wl--${verdict}` : '', selected ? 'wl--selected' : ''];
  return (
    <div className={classes.join(' ')} title={displayText(node.id)}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {data.traffic ? <HealthRing traffic={data.traffic} /> : null}
      <div className="wl__head">
        {node.kind === 'service' ? <ServiceIcon /> : <JobIcon />}
        <span className="wl__name">{displayText(node.label)}</span>
        {node.kind === 'job' ? <span className="wl__kind">Job</span> : null}
      </div>
      <div className="wl__badges">
        {verdict ? (
          <VerdictChip verdict={verdict} />
        ) : (
          <span className="chip chip--muted">Not invocable</span>
        )}
        <SeverityCountChips counts={node.findings} />
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
