import { setTimer, startTimer, type TimerState } from '@atelier/shared';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { seedDoc } from '../fixtures/seed-board';

/**
 * A stand-in for the Web Audio API that counts the tones started: the chime is two tones, so
 * one chime counts 2. Headless Chromium has no sound to listen to.
 */
function stubAudio(): void {
  const w = window as unknown as { __tones: number; AudioContext: unknown };
  w.__tones = 0;
  const param = () => ({
    value: 0,
    setValueAtTime() {},
    linearRampToValueAtTime() {},
    exponentialRampToValueAtTime() {},
  });
  const node = () => ({ connect: (next: unknown) => next });
  w.AudioContext = class {
    state = 'running';
    currentTime = 0;
    destination = node();
    createOscillator() {
      return {
        ...node(),
        type: 'sine',
        frequency: param(),
        start: () => {
          w.__tones++;
        },
        stop() {},
      };
    }
    createGain() {
      return { ...node(), gain: param() };
    }
    resume() {
      return Promise.resolve();
    }
    close() {
      return Promise.resolve();
    }
  };
}

async function withStubbedAudio(context: BrowserContext, page: Page): Promise<void> {
  await context.addInitScript(stubAudio);
  await page.reload();
  await expect(page.getByTestId('board')).toBeVisible();
}

const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);

/** Starts, through the control document, a timer that runs out in two seconds. */
async function shortTimer(page: Page): Promise<void> {
  const timer: TimerState = { durationMs: 2000, remainingMs: 2000, endsAt: null, freezeAtEnd: false };
  await seedDoc(page, 'control', (doc) => setTimer(doc, startTimer(timer, Date.now())));
}

test('the end of the timer: everyone sees it pulse and is told, the facilitator’s machine chimes once unless muted', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const manon = await joinWorkshop(browser, facilitator.joinCode, { name: 'Manon Robert', group: 'staff' });
  const f = facilitator.page;
  const m = manon.page;
  await withStubbedAudio(facilitator.context, f);
  await withStubbedAudio(manon.context, m);

  await shortTimer(f);
  for (const page of [f, m]) {
    await expect(page.getByTestId('timer.remaining')).toHaveAttribute('data-state', 'ended');
    await expect(page.getByTestId('timer.remaining')).toHaveClass(/timer--ended/);
    await expect(page.getByTestId('toast').filter({ hasText: 'Temps écoulé' })).toHaveCount(1);
  }
  // One chime (two tones) on the facilitator's machine, none on the participant's.
  await expect.poll(() => tones(f)).toBe(2);
  expect(await tones(m)).toBe(0);

  // Opened again after the end: no second notice, no chime.
  await f.reload();
  await expect(f.getByTestId('timer.remaining')).toHaveAttribute('data-state', 'ended');
  await expect(f.getByTestId('toast').filter({ hasText: 'Temps écoulé' })).toHaveCount(0);
  expect(await tones(f)).toBe(0);

  // The facilitator turns the sound off on this machine (it stays off after a reload): the next end is silent.
  await f.getByTestId('timer.toggle').click();
  await f.getByTestId('timer.sound').uncheck();
  await f.keyboard.press('Escape');
  await f.reload();
  await f.getByTestId('timer.toggle').click();
  await expect(f.getByTestId('timer.sound')).not.toBeChecked();
  await f.keyboard.press('Escape');
  await expect(m.getByTestId('toast').filter({ hasText: 'Temps écoulé' })).toHaveCount(0, {
    timeout: 10_000,
  });
  await shortTimer(f);
  await expect(f.getByTestId('toast').filter({ hasText: 'Temps écoulé' })).toHaveCount(1);
  await expect(m.getByTestId('toast').filter({ hasText: 'Temps écoulé' })).toHaveCount(1);
  expect(await tones(f)).toBe(0);

  for (const actor of [facilitator, manon]) await actor.context.close();
});
