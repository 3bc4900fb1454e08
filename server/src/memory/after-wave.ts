/**
 * Gives back the memory a wave of connections took. A flood of bad frames or refused upgrades
 * (or a reconnect storm) makes V8 grow its heap and malloc its buffers; with a room still busy
 * afterwards, V8 keeps the grown heap for good (issue 17: +40–90 MB after a million bad
 * frames). Once at least `wave` connections were asked for since the last relief, and a whole
 * `quietMs` window then saw fewer than `calm`, one full collection runs: a few tens of ms,
 * once per wave, never during it.
 */
export interface AfterWaveOptions {
  /** Connections asked for (accepted or refused) that make a wave. */
  wave: number;
  /** The window that must stay calm before the collection. */
  quietMs: number;
  /** Fewer connections than this in a window is calm (the room's own reconnects). */
  calm: number;
  /** The collection (`fullGc()` in production; a spy in tests). */
  collect: () => void;
  /** Told after each collection, e.g. to log it. */
  collected?: (durationMs: number) => void;
}

export interface AfterWave {
  /** Counts one connection asked for (call on every upgrade, refused or not). */
  asked(): void;
  stop(): void;
}

export function afterWave(options: AfterWaveOptions): AfterWave {
  let sinceRelief = 0;
  let inWindow = 0;
  const timer = setInterval(() => {
    if (sinceRelief >= options.wave && inWindow < options.calm) {
      sinceRelief = 0;
      const started = performance.now();
      options.collect();
      options.collected?.(performance.now() - started);
    }
    inWindow = 0;
  }, options.quietMs);
  timer.unref();
  return {
    asked() {
      sinceRelief += 1;
      inWindow += 1;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
