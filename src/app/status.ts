import { decodeCapture } from '../dsreg/decode.js';
import { parseDsregcmd } from '../dsreg/parse.js';
import { evaluateStatus } from '../diagnose/evaluate.js';
import { codesToDecode, type CodeDecoder } from '../diagnose/join-diagnostics.js';
import type { DsregReport } from '../dsreg/types.js';
import type { PrtStatus, StatusSource } from '../diagnose/status-types.js';
import type { Host } from '../host/types.js';
import { hybridWrongPasswordSample } from '../samples/hybrid-wrong-password.js';

export interface StatusRequest {
  /** A capture file; without it (and without `sample`) dsregcmd runs on this device. */
  input?: string;
  sample?: boolean;
  now?: Date;
}

/** host → bytes → report → status: the whole of Step 1 of the checklist. */
export async function getStatus(host: Host, request: StatusRequest): Promise<PrtStatus> {
  let bytes: Uint8Array;
  let source: Omit<StatusSource, 'Encoding'>;
  if (request.sample) {
    bytes = new TextEncoder().encode(hybridWrongPasswordSample);
    source = { Kind: 'Sample', Path: null };
  } else if (request.input !== undefined) {
    bytes = await host.readCapture(request.input);
    source = { Kind: 'File', Path: request.input };
  } else {
    bytes = await host.runDsregcmdStatus();
    source = { Kind: host.kind === 'Simulated' ? 'Simulated' : 'Live', Path: null };
  }
  const { text, encoding } = decodeCapture(bytes);
  const name = source.Path ?? (source.Kind === 'Sample' ? 'the built-in sample' : 'the output of `dsregcmd /status`');
  const report = parseDsregcmd(text, { source: name, encoding });
  return evaluateStatus(report, { now: request.now, systemNow: host.now(), source: { ...source, Encoding: encoding }, decode: await decoderFor(report) });
}

/**
 * The knowledge-base decoder, loaded only when the capture carries a code to decode (a join
 * failure, a failed DeviceAuthStatus): a healthy capture never pays for loading the tables.
 */
export async function decoderFor(report: DsregReport): Promise<CodeDecoder | undefined> {
  if (codesToDecode(report).length === 0) return undefined;
  const { decodeCode, isExplainError } = await import('../codes/index.js');
  return (code) => {
    const item = decodeCode(code);
    if (isExplainError(item)) return null;
    return { Known: item.Known, Name: item.Name, Summary: item.Summary, Fix: item.Solutions[0] ?? null };
  };
}
