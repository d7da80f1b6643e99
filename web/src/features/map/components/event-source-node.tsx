import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { displayText } from '../../../lib/display-text.ts';
import type { EventSourceFlowNode } from '../utils/to-flow.ts';
import { CalendarIcon, MessageIcon, QueueIcon } from './node-icons.tsx';
import './map-layers.css';

const kinds = {
  subscription: { word: 'push', Icon: MessageIcon },
  scheduler: { word: 'cron', Icon: CalendarIcon },
  tasks: { word: 'tasks', Icon: QueueIcon },
} as const;

/** A push subscription, scheduler job or task queue: what triggers it, and the identity it delivers with. */
export const EventSourceNode = memo(function EventSourceNode({ data }: NodeProps<EventSourceFlowNode>) {
  const { node } = data;
  const { word, Icon } = kinds[node.source];
  const detail =
    node.source === 'subscription'
      ? node.topic
        ? `topic ${node.topic.slice(node.topic.lastIndexOf('/') + 1)}`
        : 'no topic'
      : node.source === 'scheduler'
        ? (node.schedule ?? 'no schedule')
        : (node.location ?? '');
  const title = [
    node.id,
    ...(node.topic ? [`topic ${node.topic}`] : []),
    ...(node.schedule ? [`schedule ${node.schedule}${node.timeZone ? ` (${node.timeZone})` : ''}`] : []),
    ...(node.state ? [`state ${node.state}`] : []),
    node.token === 'none' ? 'no token' : `${node.token.toUpperCase()} token of ${node.serviceAccount ?? '?'}`,
    node.target ? `delivers to ${node.target}` : 'delivers outside the estate',
  ];
  return (
    <div
      className={`ev-node ev-node--${node.source}${node.token === 'none' ? ' ev-node--unauthenticated' : ''}`}
      title={displayText(title.join('\n'))}
    >
      <div className="ev-node__head">
        <Icon />
        <span className="ev-node__name">{displayText(node.label)}</span>
      </div>
      <div className="ev-node__detail">
        <span className="ev-node__kind">{word}</span>
        <span className="ev-node__what">{displayText(detail)}</span>
        {node.token === 'none' ? <span className="chip chip--danger">no token</span> : null}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
