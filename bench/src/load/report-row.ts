import type { Column, ResultRow } from '../lib/scenario';
import type { ServerName } from '../servers/definitions';
import type { LoadReport } from './generator';

/** Above this the generator, not the server, may be what the latencies measure. */
export const GENERATOR_CPU_LIMIT_PCT = 70;

/** The standard metrics of a load run, flattened into one table row. */
export function loadRow(key: string, server: ServerName, report: LoadReport): ResultRow {
  const { presence, doc, server: stats } = report;
  const rssDelta = stats.loaded ? Math.max(0, stats.loaded.rss - stats.idle.rss) : null;
  const pct = (ratio: number | null) => (ratio === null ? null : ratio * 100);
  return {
    key,
    server,
    rooms: report.rooms,
    connections: report.connections,
    presP50: presence.each.p50,
    presP95: presence.each.p95,
    presP99: presence.each.p99,
    presMax: presence.each.max,
    presLastP99: presence.last.p99,
    presDelivered: pct(presence.deliveredRatio),
    docP50: doc.each.p50,
    docP95: doc.each.p95,
    docP99: doc.each.p99,
    docMax: doc.each.max,
    docLastP99: doc.last.p99,
    docDelivered: pct(doc.deliveredRatio),
    cpuPct: report.serverCpuPct,
    cpuUsPerMsg: report.cpuUsPerMsg,
    eldP99: stats.loaded?.eldP99Ms ?? null,
    eldMax: stats.loaded?.eldMaxMs ?? null,
    rssPerRoomMB: rssDelta === null ? null : rssDelta / report.rooms / 2 ** 20,
    rssPerConnKB: rssDelta === null ? null : rssDelta / report.connections / 1024,
    inKBps: report.bytesInPerClientS / 1024,
    outKBps: report.bytesOutPerClientS / 1024,
    genCpuPct: report.generatorCpuPct,
    genLagP99: report.generatorLoopDelayP99Ms,
    disconnected: report.disconnected,
  };
}

/** Warnings a load run's numbers need next to them. */
export function loadNotes(key: string, report: LoadReport): string[] {
  const notes: string[] = [];
  if (report.generatorCpuPct > GENERATOR_CPU_LIMIT_PCT) {
    notes.push(
      `WARNING ${key}: load generator at ${report.generatorCpuPct.toFixed(0)}% of its core (> ${GENERATOR_CPU_LIMIT_PCT}%): latencies may be the generator's`,
    );
  }
  if (report.generatorLoopDelayP99Ms > 20) {
    notes.push(
      `WARNING ${key}: generator event-loop delay p99 ${report.generatorLoopDelayP99Ms.toFixed(1)} ms is inside the latencies`,
    );
  }
  if (report.disconnected > 0)
    notes.push(`WARNING ${key}: ${report.disconnected} clients not connected at the end`);
  return notes;
}

const c = (key: string, label: string, digits = 1): Column => ({ key, label, digits });

export const PRESENCE_COLUMNS: Column[] = [
  c('presP50', 'pres p50 ms'),
  c('presP95', 'p95'),
  c('presP99', 'p99'),
  c('presMax', 'max'),
  c('presLastP99', 'last p99'),
  c('presDelivered', 'deliv %', 2),
];

export const DOC_COLUMNS: Column[] = [
  c('docP50', 'doc p50 ms'),
  c('docP95', 'p95'),
  c('docP99', 'p99'),
  c('docMax', 'max'),
  c('docLastP99', 'last p99'),
  c('docDelivered', 'deliv %', 2),
];

export const SERVER_COLUMNS: Column[] = [
  c('cpuPct', 'srv CPU %'),
  c('cpuUsPerMsg', 'µs/msg', 2),
  c('eldP99', 'eld p99'),
  c('eldMax', 'eld max'),
  c('rssPerRoomMB', 'MB/room'),
  c('rssPerConnKB', 'KB/conn'),
  c('inKBps', 'in KB/s/cl', 2),
  c('outKBps', 'out KB/s/cl', 2),
  c('genCpuPct', 'gen CPU %', 0),
  c('genLagP99', 'gen lag p99'),
];
