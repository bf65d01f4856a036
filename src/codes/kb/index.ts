import type { CodeEntry } from '../types.js';
import { CHECKLIST } from './checklist.js';
import { HYBRID_JOIN } from './hybridjoin.js';
import { MSIS } from './msis.js';
import { NTSTATUS } from './ntstatus.js';
import { AADSTS, AADSTS_DEVICE_FLOW } from './aadsts.js';
import { WINHTTP } from './winhttp.js';
import { WEB_ACCOUNT } from './webaccount.js';
import { WIN32 } from './win32.js';
import { OAUTH } from './oauth.js';
import { TPM } from './tpm.js';
import { MDM_ENROLLMENT } from './mdm.js';

/**
 * Every table, in merge order: where two tables describe the same code, the first one gives the
 * name and summary (the checklist's words beat a catalog's one-liner) and the others add causes,
 * fixes, evidence and links.
 */
export const TABLES: Readonly<Record<string, readonly CodeEntry[]>> = {
  checklist: CHECKLIST,
  hybridJoin: HYBRID_JOIN,
  msis: MSIS,
  ntstatus: NTSTATUS,
  aadsts: AADSTS,
  aadstsDeviceFlow: AADSTS_DEVICE_FLOW,
  winhttp: WINHTTP,
  webAccount: WEB_ACCOUNT,
  win32: WIN32,
  oauth: OAUTH,
  tpm: TPM,
  mdmEnrollment: MDM_ENROLLMENT,
};

export { SOURCES } from './sources.js';
