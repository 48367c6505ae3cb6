/**
 * Driving the questionnaire in a browser the way a person does, with or without JavaScript: open it,
 * answer each question the page asks from a set of facts, read the step and the result, and record
 * every request the page makes.
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Facts } from './cases.ts';
import { newPage } from './support.ts';

export type Mode = 'js' | 'nojs';
export const MODES: Mode[] = ['js', 'nojs'];

export const PATHS = { nb: '/sporsmal/', en: '/en/question/' } as const;

export interface Session {
  page: Page;
  mode: Mode;
  /** Every request the page made, in order (including those the browser's cache answered). */
  requests: string[];
  /** The responses that came over the network, not from the browser's cache (Chromium's own count). */
  network: string[];
}

/** A fresh context (JavaScript on or off), recording requests, on `url` (default: the questionnaire). */
export async function open(browser: Browser, base: string, mode: Mode, lang: 'nb' | 'en', url?: string): Promise<Session> {
  const page = await newPage(browser, { javaScriptEnabled: mode === 'js', acceptDownloads: true });
  const requests: string[] = [];
  const network: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // Chromium re-reads the page icon on every change of address (also of the fragment); with its
  // long-lived cache headers that read is served from the disk cache and never reaches the network.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceived', (e) => {
    const r = e.response;
    if (!r.fromDiskCache && !r.fromServiceWorker && !r.fromPrefetchCache && !/^(blob|data):/.test(r.url)) network.push(r.url);
  });
  await page.goto(url ?? `${base}${PATHS[lang]}`);
  const s = { page, mode, requests, network };
  await ready(s);
  return s;
}

/** Waits until the page shows a step (and, with JavaScript, until the script has taken over). */
export async function ready(s: Pick<Session, 'page' | 'mode'>): Promise<void> {
  await s.page.waitForSelector('[data-step]');
  if (s.mode === 'js') await s.page.waitForSelector('[data-questionnaire][data-enhanced]');
}

export type StepInfo = { kind: 'question'; fact: string } | { kind: 'result'; outcome: string };

/** For a screen (several facts asked together): the facts «yes» sets, from its data-confirms; else undefined. */
export async function confirms(page: Page): Promise<Record<string, string> | undefined> {
  const raw = await page.locator('[data-step]').getAttribute('data-confirms');
  return raw === null ? undefined : Object.fromEntries(new URLSearchParams(raw));
}

/** What the page shows now: a question (its fact) or a result (its outcome). */
export async function step(page: Page): Promise<StepInfo> {
  const el = page.locator('[data-step]');
  const kind = await el.getAttribute('data-step');
  if (kind === 'question') return { kind, fact: (await el.getAttribute('data-fact'))! };
  if (kind === 'result') return { kind, outcome: (await el.getAttribute('data-outcome'))! };
  throw new Error(`unexpected step ${kind}: ${await el.innerText()}`);
}

/** Runs `act` (a click or key press that leads to another step) and waits until the new step is shown. */
export async function toNextStep(s: Session, act: () => Promise<void>): Promise<void> {
  if (s.mode === 'js') {
    // Same document: the script replaces the step element.
    await s.page.$eval('[data-step]', (el) => el.setAttribute('data-old', ''));
    await act();
    await s.page.waitForSelector('[data-step]:not([data-old])');
    // The new step's heading has focus, so a screen reader reads the question or the answer next.
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('q-heading');
  } else {
    // Every step is a new page from the server.
    const before = s.page.url();
    await act();
    await s.page.waitForURL((u) => u.href !== before);
    await s.page.waitForLoadState('load');
    await s.page.waitForSelector('[data-step]');
  }
}

/** Chooses `value` for the question on screen and presses Next. */
export async function answer(s: Session, fact: string, value: string | boolean): Promise<void> {
  await s.page.check(`[data-q-form] input[name="${fact}"][value="${String(value)}"]`);
  await toNextStep(s, () => s.page.click('[data-q-form] button[type="submit"]'));
}

/** Answers every question the page asks from `facts` until the result; returns the facts asked, in order. */
export async function complete(s: Session, facts: Facts, limit = 40): Promise<string[]> {
  const asked: string[] = [];
  const atMost: number[] = [];
  for (let i = 0; i < limit; i++) {
    const now = await step(s.page);
    if (now.kind === 'result') {
      // The progress line is honest: «question n of at most m» never promised fewer than the questions that followed.
      atMost.forEach((n, k) => expect(asked.length - 1 - k, `questions after «${asked[k]}»`).toBeLessThanOrEqual(n));
      return asked;
    }
    // A screen is answered «yes» exactly when the case gives every fact it lists the value it shows.
    const screen = await confirms(s.page);
    const value = screen ? Object.entries(screen).every(([f, v]) => String(facts[f]) === v) : facts[now.fact];
    if (value === undefined) throw new Error(`the page asks ${now.fact}, which the case does not give`);
    asked.push(now.fact);
    atMost.push(await questionsLeft(s.page));
    await answer(s, now.fact, value);
  }
  throw new Error(`no result after ${limit} questions`);
}

/** The most questions the progress line says may follow this one («Spørsmål 3 av høyst 9 på denne veien» → 6, «det siste» → 0). */
async function questionsLeft(page: Page): Promise<number> {
  const text = await page.locator('.q-progress').innerText();
  const numbers = text.match(/\d+/g) ?? [];
  return numbers.length > 1 ? Number(numbers[1]) - Number(numbers[0]) : 0;
}

/** The result on screen: outcome and obligation codes, in page order. */
export async function result(page: Page): Promise<{ outcome: string; codes: string[] }> {
  const outcome = (await page.locator('[data-step="result"]').getAttribute('data-outcome'))!;
  const codes = await page.locator('.checklist [data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!));
  return { outcome, codes };
}

/** The questions in the summary of answers, in order (their change links name the fact). */
export function summaryFacts(page: Page): Promise<string[]> {
  return page.locator('.q-summary [data-change]').evaluateAll((els) => els.map((e) => e.getAttribute('data-change')!));
}

/** The requests that went to another origin than the site's. */
export function foreign(s: Session, base: string): string[] {
  return s.requests.filter((u) => !u.startsWith('blob:') && new URL(u).origin !== base);
}
