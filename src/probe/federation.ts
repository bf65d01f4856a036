import { XMLParser } from 'fast-xml-parser';
import type { ProbeFederation } from './types.js';

/** What the realm document says about a user's domain (api-version 1.0 and 2.0 shapes). */
export interface Realm {
  NameSpaceType: ProbeFederation['NameSpaceType'];
  Domain: string;
  Protocol: string | null;
  MexUrl: string | null;
}

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Parses `/common/userrealm/<upn>`'s JSON; null when the body is not that document. */
export function parseRealm(body: string, upn: string): Realm | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (!json || typeof json !== 'object') return null;
  const record = json as Record<string, unknown>;
  const kind = textOf(record.NameSpaceType) ?? textOf(record.account_type);
  if (kind === null) return null;
  const nameSpaceType = /^federated$/i.test(kind) ? 'Federated' : /^managed$/i.test(kind) ? 'Managed' : 'Unknown';
  return {
    NameSpaceType: nameSpaceType,
    Domain: textOf(record.DomainName) ?? textOf(record.domain_name) ?? upn.split('@').pop() ?? upn,
    Protocol: textOf(record.federation_protocol),
    MexUrl: textOf(record.federation_metadata_url),
  };
}

/**
 * Whether an XML document declares a DTD: a `<!DOCTYPE` before the root element, after the
 * declaration, comments and processing instructions. The parser below never processes a DTD;
 * this says only that one is there (the Windows XML reader refuses such documents: WC_E_DTDPROHIBITED).
 */
export function hasDtd(xml: string): boolean {
  let rest = xml.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return false;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return false;
      rest = rest.slice(end + 3);
    } else {
      return /^<!DOCTYPE\b/i.test(rest);
    }
  }
}

/** The WS-Trust endpoints a MEX document publishes, as `windowstransport (1.3)`, `usernamemixed (2005)`. */
export interface MexReading {
  HasDtd: boolean;
  /** False when the document is not MEX/WSDL at all (an HTML page, say). */
  IsMex: boolean;
  Endpoints: string[];
}

const versionOf = (url: string, binding: string) => (/\/13\//.test(url) || /13/.test(binding) ? '1.3' : /\/2005\//.test(url) || /2005/.test(binding) ? '2005' : '?');

/**
 * Reads a MEX document without DTD or entity processing. Endpoints are recognised by their
 * address path (AD FS: `/adfs/services/trust/13/usernamemixed`) or their binding's name; other
 * identity providers name them differently and may show as their last path segment.
 */
export function readMex(xml: string): MexReading {
  const dtd = hasDtd(xml);
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, processEntities: false, parseTagValue: false });
  let tree: unknown;
  try {
    tree = parser.parse(xml);
  } catch (error) {
    if (error instanceof Error) return { HasDtd: dtd, IsMex: false, Endpoints: [] };
    throw error;
  }
  const endpoints = new Set<string>();
  let isMex = false;
  const walk = (node: unknown, name: string) => {
    if (name === 'definitions' || name === 'Metadata') isMex = true;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, name);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (name === 'port') {
      const bindingAttribute = record['@_binding'];
      const binding = typeof bindingAttribute === 'string' ? bindingAttribute : '';
      const addresses: string[] = [];
      const collect = (value: unknown, key: string) => {
        if (Array.isArray(value)) { value.forEach((item) => { collect(item, key); }); return; }
        if (typeof value === 'string' && key === 'Address') addresses.push(value.trim());
        if (value && typeof value === 'object') {
          const inner = value as Record<string, unknown>;
          if (key === 'address' && typeof inner['@_location'] === 'string') addresses.push(inner['@_location'].trim());
          for (const [childKey, child] of Object.entries(inner)) if (!childKey.startsWith('@_')) collect(child, childKey);
          if (typeof inner['#text'] === 'string' && key === 'Address') addresses.push(inner['#text'].trim());
        }
      };
      collect(record, 'port');
      for (const url of addresses) {
        const kind = /windowstransport/i.test(url) || /windowstransport/i.test(binding) ? 'windowstransport' : /usernamemixed/i.test(url) || /usernamemixed|UserName/i.test(binding) ? 'usernamemixed' : (url.split('/').filter((part) => part !== '').pop() ?? url);
        endpoints.add(`${kind} (${versionOf(url, binding)})`);
      }
    }
    for (const [key, child] of Object.entries(record)) if (!key.startsWith('@_')) walk(child, key);
  };
  walk(tree, '');
  return { HasDtd: dtd, IsMex: isMex, Endpoints: [...endpoints].sort() };
}
