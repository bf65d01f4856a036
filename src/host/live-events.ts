import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, PrtError, badInput, isNodeError } from '../errors.js';
import { openInputFile, readInputChunks, stdinName } from './files.js';
import type { AadChannel, EventHost, EventQuery } from './event-host.js';
import { runTool } from './process.js';
import { streamTool } from './stream-tool.js';

/** The XPath wevtutil filters with: event IDs and a time window, as the checklist narrows them. */
export function eventXPath(query: EventQuery): string {
  const conditions: string[] = [];
  if (query.eventIds && query.eventIds.length > 0) conditions.push(`(${query.eventIds.map((id) => `EventID=${id}`).join(' or ')})`);
  if (query.since) conditions.push(`TimeCreated[@SystemTime>='${query.since.toISOString()}']`);
  return conditions.length === 0 ? '*' : `*[System[${conditions.join(' and ')}]]`;
}

/** `wevtutil gl` prints `enabled: true|false` among the channel's settings. */
export function parseChannelEnabled(output: string, channel: string): boolean {
  const match = /^\s*enabled:\s*(true|false)\s*$/im.exec(output);
  if (!match?.[1]) throw new PrtError('UnexpectedToolOutput', `\`wevtutil gl ${channel}\` did not say whether the channel is enabled`, ExitCode.Environment, 'ResourceUnavailable');
  return match[1].toLowerCase() === 'true';
}

const isEvtx = (path: string) => /\.evtx$/i.test(path);

/**
 * Events from files a user sent, on any OS; `.evtx` needs wevtutil (Windows, or live mode).
 * `live` adds the device's own channels.
 */
export function createEventHost(options: { live: boolean; env: NodeJS.ProcessEnv; toolTimeoutMs: number; notWindows: () => PrtError }): EventHost {
  const { live, env, toolTimeoutMs } = options;
  return {
    queryEvents(query) {
      if (!live) throw options.notWindows();
      return streamTool('wevtutil', ['qe', query.channel, `/q:${eventXPath(query)}`, '/f:RenderedXml'], { timeoutMs: toolTimeoutMs, env });
    },
    async isChannelEnabled(channel: AadChannel) {
      if (!live) throw options.notWindows();
      const { stdout } = await runTool('wevtutil', ['gl', channel], { timeoutMs: toolTimeoutMs, env });
      return parseChannelEnabled(stdout.toString('utf8'), channel);
    },
    readEventFile(path) {
      if (!isEvtx(path)) return readInputChunks(path);
      if (!live) {
        throw new PrtError(
          'EvtxNeedsWindows',
          `\`${path}\` is a binary .evtx log, which only Windows can read here. On a Windows machine run \`prt error --events ${path}\`, or convert it there: \`wevtutil qe "${path}" /lf:true /f:RenderedXml > events.xml\``,
          ExitCode.Environment,
          'NotInstalled',
        );
      }
      openInputFile(path).close();
      return streamTool('wevtutil', ['qe', path, '/lf:true', '/f:RenderedXml'], { timeoutMs: toolTimeoutMs, env });
    },
    async listFolder(path) {
      if (path === stdinName) return null;
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        if (isNodeError(error, 'ENOENT', 'ENOTDIR')) throw badInput('FileNotFound', `\`${path}\` does not exist`);
        throw error;
      }
      if (!stats.isDirectory()) return null;
      return readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(path, entry.name))
        .sort();
    },
  };
}
