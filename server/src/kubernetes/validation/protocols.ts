/**
 * validateServicePort and validateContainerPorts (pkg/apis/core/validation/validation.go) accept exactly these
 * protocols, upper case; an empty or omitted protocol was already defaulted to TCP.
 */
export const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

export function isSupportedProtocol(protocol: string): boolean {
  return (SUPPORTED_PROTOCOLS as readonly string[]).includes(protocol);
}
