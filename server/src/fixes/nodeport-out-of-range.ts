import { isMap } from 'yaml';
import { removePair, replaceNode } from '../document/edits';
import type { FixProvider } from '../analysis/fix';
import { isService } from '../kubernetes/model';
import { usedNodePorts, freeNodePort } from '../kubernetes/nodePorts';

/** Remove the nodePort (Kubernetes allocates one) or move it to a free port in the range. */
export const fixNodePortOutOfRange: FixProvider = ({ file, workspace, settings, finding, object, chunk }) => {
  if (!isService(object)) return [];
  const port = object.ports[Number(finding.data?.portIndex)];
  const field = port?.fields.nodePort;
  if (!port || !field || !isMap(port.map)) return [];
  const fixes = [
    {
      title: 'Remove nodePort (Kubernetes allocates a free one)',
      edits: [removePair(file.text, chunk, port.map, field.pair)],
      preferred: true,
      safe: true,
    },
  ];
  const free = freeNodePort(settings.nodePortRange, usedNodePorts(workspace), Number(finding.data?.value));
  if (free !== undefined && field.node) {
    fixes.push({ title: `Use free node port ${free}`, edits: [replaceNode(chunk, field.node, String(free))], preferred: false, safe: false });
  }
  return fixes;
};
