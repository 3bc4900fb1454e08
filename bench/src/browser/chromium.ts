import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '@atelier/testing';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { addProbe } from './page-probe';

/** Debian's Chromium, launched exactly as the end-to-end tests launch it (headless, no GPU). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true });
}

/** The laptop screen the scenario assumes (the e2e tests' viewport). */
export const VIEWPORT = { width: 1280, height: 800 };

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to explain a board that never shows. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh browser profile (empty cache and IndexedDB: a first visit) with the probe installed. */
export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
  const page = await context.newPage();
  await addProbe(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors, close: () => context.close() };
}

/** What renders the pages: the CPU, and whether WebGL reports a GPU or a software renderer. */
export async function renderingEnvironment(browser: Browser): Promise<{
  cpu: string;
  chromium: string;
  gpu: string;
}> {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const gpu = await page.evaluate(`(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      if (!gl) return 'none (no WebGL: --disable-gpu, software compositing and raster)';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    })()`);
    return { cpu, chromium: browser.version(), gpu: String(gpu) };
  } finally {
    await context.close();
  }
}
