import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { displayText } from '../../../lib/display-text.ts';
import type { GroupFlowNode } from '../utils/to-flow.ts';

/** A project or region frame with its name and how many workloads it holds. */
export const GroupNode = memo(function GroupNode({ data }: NodeProps<GroupFlowNode>) {
  return (
    <div className={`group-node group-node--${data.level}`}>
      <div className="group-node__label">
        <span className="group-node__level">{data.level === 'project' ? 'Project' : 'Region'}</span>
        <span className="group-node__name">{displayText(data.label)}</span>
        <span className="group-node__count">{data.count}</span>
      </div>
    </div>
  );
});
