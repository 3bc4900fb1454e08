import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from '../../test/prometheus-text';
import { createMetrics } from './metrics';

describe('createMetrics', () => {
  it('shows each metric with its type, known labels at 0 from the start', async () => {
    const families = parsePrometheusText(await createMetrics().text());
    const types = Object.fromEntries([...families.values()].map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      atelier_sync_connections: 'gauge',
      atelier_rooms_loaded: 'gauge',
      atelier_rooms_on_threads: 'gauge',
      atelier_sync_messages_received_total: 'counter',
      atelier_sync_messages_sent_total: 'counter',
      atelier_commit_duration_seconds: 'histogram',
      atelier_sync_writes_refused_total: 'counter',
      atelier_rate_limited_total: 'counter',
      atelier_export_duration_seconds: 'histogram',
      process_resident_memory_bytes: 'gauge',
      nodejs_eventloop_lag_p99_seconds: 'gauge',
    });
    const connections = families.get('atelier_sync_connections')?.samples.map((s) => s.labels.kind);
    expect(connections?.sort()).toEqual(['board', 'control', 'drafts']);
    expect(sampleValue(families, 'atelier_sync_writes_refused_total', { reason: 'locked' })).toBe(0);
    expect(sampleValue(families, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('counts what it is told, per server: two sets of metrics in one process do not mix', async () => {
    const one = createMetrics();
    const two = createMetrics();
    let rooms = 3;
    one.countRooms(
      () => rooms,
      () => 1,
    );
    one.connected('board');
    one.connected('board');
    one.connected('control');
    one.disconnected('board');
    one.received();
    one.sent(5);
    one.writeRefused('read-only');
    one.committed(0.002);
    one.exported('xlsx', 0.3);
    one.rateLimited('join_failures');
    one.rateLimited('Robert"); DROP');
    rooms = 4;

    const m = parsePrometheusText(await one.text());
    expect(sampleValue(m, 'atelier_rooms_loaded')).toBe(4);
    expect(sampleValue(m, 'atelier_rooms_on_threads')).toBe(1);
    expect(sampleValue(m, 'atelier_sync_connections', { kind: 'board' })).toBe(1);
    expect(sampleValue(m, 'atelier_sync_connections', { kind: 'control' })).toBe(1);
    expect(sampleValue(m, 'atelier_sync_messages_received_total')).toBe(1);
    expect(sampleValue(m, 'atelier_sync_messages_sent_total')).toBe(5);
    expect(sampleValue(m, 'atelier_sync_writes_refused_total', { reason: 'read-only' })).toBe(1);
    expect(
      sampleValue(m, 'atelier_commit_duration_seconds', {}, 'atelier_commit_duration_seconds_count'),
    ).toBe(1);
    expect(
      sampleValue(
        m,
        'atelier_commit_duration_seconds',
        { le: '0.0025' },
        'atelier_commit_duration_seconds_bucket',
      ),
    ).toBe(1);
    expect(
      sampleValue(
        m,
        'atelier_export_duration_seconds',
        { format: 'xlsx' },
        'atelier_export_duration_seconds_count',
      ),
    ).toBe(1);
    expect(sampleValue(m, 'atelier_rate_limited_total', { limit: 'join_failures' })).toBe(1);
    // A malformed limit name is counted, under `other`: the label set stays bounded.
    expect(sampleValue(m, 'atelier_rate_limited_total', { limit: 'other' })).toBe(1);

    const untouched = parsePrometheusText(await two.text());
    expect(sampleValue(untouched, 'atelier_sync_messages_received_total')).toBe(0);
    expect(sampleValue(untouched, 'atelier_rooms_loaded')).toBe(0);
  });
});
