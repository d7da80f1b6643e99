import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { displayText } from '../../../lib/display-text.ts';
import type { LoadBalancerFlowNode } from '../utils/to-flow.ts';
import { LoadBalancerIcon } from './node-icons.tsx';
import './map-layers.css';

const last = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/** A forwarding rule and its chain: scheme, address, and whether IAP and Cloud Armor guard its backends. */
export const LoadBalancerNode = memo(function LoadBalancerNode({ data }: NodeProps<LoadBalancerFlowNode>) {
  const { node } = data;
  const iap = node.backends.filter((b) => b.iapEnabled).length;
  const armor = node.backends.filter((b) => b.securityPolicy).length;
  const all = node.backends.length;
  const port = node.portRange?.replace(/^(\d+)-\1$/, '$1');
  const title = [
    `${node.external ? 'External' : 'Internal'} load balancer ${node.id}`,
    `scheme ${node.scheme}${node.ipAddress ? `, ${node.ipAddress}${port ? `:${port}` : ''}` : ''}`,
    ...(node.urlMap ? [`URL map ${last(node.urlMap)}`] : []),
    ...node.backends.map(
      (b) =>
        `backend service ${last(b.backendService)}: IAP ${b.iapEnabled ? 'on' : 'off'}, Cloud Armor ${
          b.securityPolicy ? last(b.securityPolicy) : 'none'
        }, hosts ${b.hosts.join(' ')}`,
    ),
  ];
  return (
    <div
      className={`lb-node${node.external ? ' lb-node--external' : ''}`}
      title={displayText(title.join('\n'))}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="lb-node__head">
        <LoadBalancerIcon />
        <span className="lb-node__name">{displayText(node.label)}</span>
        {node.external ? null : <span className="lb-node__kind">internal</span>}
      </div>
      <div className="lb-node__badges">
        {node.ipAddress ? (
          <span className="lb-node__ip">
            {node.ipAddress}
            {port ? `:${port}` : ''}
          </span>
        ) : null}
        <span className={`chip ${iap > 0 ? 'chip--iap' : 'chip--muted'}`}>
          {iap === 0 ? 'no IAP' : iap === all ? 'IAP' : `IAP ${iap}/${all}`}
        </span>
        <span className={`chip ${armor > 0 ? 'chip--armor' : 'chip--muted'}`}>
          {armor === 0 ? 'no Armor' : armor === all ? 'Armor' : `Armor ${armor}/${all}`}
        </span>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
