import type { CodeEntry, Evidence, RelatedRef } from './types.js';
import { entryId, isStatusValueFamily } from './identity.js';
import { TABLES } from './kb/index.js';

/** A knowledge-base entry after merging every table that describes it. */
export interface KnownCode extends CodeEntry {
  Id: string;
  Aliases: string[];
  Causes: string[];
  Solutions: string[];
  Evidence: Evidence[];
  Related: RelatedRef[];
  Variants: number[];
}

export interface Registry {
  entries: readonly KnownCode[];
  byId: ReadonlyMap<string, KnownCode>;
  /** 32-bit status values (and Win32/WinHTTP numbers), every family but AADSTS and AD FS. */
  byValue: ReadonlyMap<number, KnownCode>;
  byAadsts: ReadonlyMap<number, KnownCode>;
  byMsis: ReadonlyMap<number, KnownCode>;
  /** Codes that are words (OAuth errors, DRS server codes, AD FS IDnnnn), upper-cased. */
  byText: ReadonlyMap<string, KnownCode>;
  /** Upper-cased symbolic names and aliases; a name may belong to several codes. */
  bySymbol: ReadonlyMap<string, readonly KnownCode[]>;
  /** Values claimed by two different identities (should stay empty; a test guards it). */
  conflicts: readonly string[];
}

const pushUnique = <T>(into: T[], items: readonly T[] | undefined, key: (t: T) => string): void => {
  const seen = new Set(into.map(key));
  for (const item of items ?? []) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      into.push(item);
    }
  }
};

const merge = (target: KnownCode, extra: CodeEntry): void => {
  if (extra.Name && extra.Name !== target.Name && !target.Aliases.includes(extra.Name)) {
    if (target.Name === null) target.Name = extra.Name;
    else target.Aliases.push(extra.Name);
  }
  for (const alias of extra.Aliases ?? []) if (alias !== target.Name && !target.Aliases.includes(alias)) target.Aliases.push(alias);
  pushUnique(target.Causes, extra.Causes, (s) => s);
  pushUnique(target.Solutions, extra.Solutions, (s) => s);
  pushUnique(target.Evidence, extra.Evidence, (e) => `${e.Channel}|${String(e.EventId)}|${e.What}`);
  pushUnique(target.Related, extra.Related, (r) => `${r.Kind}|${r.Code}`);
  pushUnique(target.Variants, extra.Variants, String);
  if (target.DocUrl === undefined && extra.DocUrl !== undefined) target.DocUrl = extra.DocUrl;
};

const build = (): Registry => {
  const byId = new Map<string, KnownCode>();
  for (const table of Object.values(TABLES)) {
    for (const e of table) {
      const id = entryId(e);
      const existing = byId.get(id);
      if (existing) {
        merge(existing, e);
        continue;
      }
      byId.set(id, {
        ...e,
        Id: id,
        Aliases: [...(e.Aliases ?? [])],
        Causes: [...(e.Causes ?? [])],
        Solutions: [...(e.Solutions ?? [])],
        Evidence: [...(e.Evidence ?? [])],
        Related: [...(e.Related ?? [])],
        Variants: [...(e.Variants ?? [])],
      });
    }
  }

  const byValue = new Map<number, KnownCode>();
  const byAadsts = new Map<number, KnownCode>();
  const byMsis = new Map<number, KnownCode>();
  const bySymbol = new Map<string, KnownCode[]>();
  const byText = new Map<string, KnownCode>();
  const conflicts: string[] = [];
  for (const e of byId.values()) {
    if (e.Text !== undefined) byText.set(e.Text.toUpperCase(), e);
    if (e.Value !== undefined) {
      const index = e.Family === 'AADSTS' ? byAadsts : e.Family === 'AD FS' ? byMsis : byValue;
      const other = index.get(e.Value);
      if (other && other.Id !== e.Id) conflicts.push(`${other.Id} and ${e.Id}`);
      else index.set(e.Value, e);
      if (isStatusValueFamily(e.Family)) {
        for (const variant of e.Variants) if (!byValue.has(variant)) byValue.set(variant, e);
      }
    }
    for (const name of [e.Name, ...e.Aliases]) {
      if (!name) continue;
      const key = name.toUpperCase();
      const list = bySymbol.get(key) ?? [];
      list.push(e);
      bySymbol.set(key, list);
    }
  }
  return { entries: [...byId.values()], byId, byValue, byAadsts, byMsis, byText, bySymbol, conflicts };
};

let cached: Registry | undefined;

/** The merged knowledge base, built once on first use. */
export const registry = (): Registry => (cached ??= build());
