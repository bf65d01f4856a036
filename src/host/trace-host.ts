/**
 * What `prt trace` needs from a device: elevation, the netsh and TTD traces, channel settings,
 * locking the workstation. Defined by the trace work (issue #5); empty until then.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TraceHost {}
