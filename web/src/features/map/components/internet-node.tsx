import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { InternetFlowNode } from '../utils/to-flow.ts';
import { GlobeIcon } from './node-icons.tsx';

export const InternetNode = memo(function InternetNode({ data }: NodeProps<InternetFlowNode>) {
  return (
    <div className="internet-node" title="Anyone on the internet">
      <GlobeIcon />
      <span>{data.label}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
