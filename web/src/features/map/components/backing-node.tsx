import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { displayText } from '../../../lib/display-text.ts';
import type { BackingFlowNode } from '../utils/to-flow.ts';
import { DatabaseIcon, KeyIcon } from './node-icons.tsx';
import './map-layers.css';

/** A Cloud SQL instance or a secret that workloads declare. */
export const BackingNode = memo(function BackingNode({ data }: NodeProps<BackingFlowNode>) {
  const { node } = data;
  const sql = node.resource === 'cloud-sql';
  return (
    <div className={`bk-node bk-node--${node.resource}`} title={displayText(node.id)}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {sql ? <DatabaseIcon /> : <KeyIcon />}
      <span className="bk-node__name">{displayText(node.label)}</span>
      <span className="bk-node__kind">{sql ? 'Cloud SQL' : 'Secret'}</span>
    </div>
  );
});
