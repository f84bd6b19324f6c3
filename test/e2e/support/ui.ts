import type { Browser, Page } from 'playwright-core';
import { appUrl, newPhoneContext } from './browser';

/**
 * The page on screen. Taro's H5 keeps earlier pages of the stack in the DOM (hidden) and shows
 * the page title again in its navigation bar, so queries look only inside the visible page.
 */
export const ui = (page: Page) => page.locator('#app .taro_page').filter({ visible: true }).last();

/** A NutUI button by its text (its inner text node does not take clicks). */
export const button = (page: Page, text: string | RegExp) =>
  ui(page).locator('taro-button-core').filter({ hasText: text }).first();

/** The native <input> inside a Taro input, by its placeholder. */
export const input = (page: Page, placeholder: string) => ui(page).locator(`input[placeholder="${placeholder}"]`);

/**
 * Taps whatever shows this text. NutUI cells and buttons put an overlay above their label, so
 * the tap lands on the overlay at the label's position, as a finger would.
 */
export const tap = (page: Page, text: string) =>
  ui(page).getByText(text, { exact: true }).first().click({ force: true });

/** A fresh phone with its own storage, logged in through the dev login as a persona (or new). */
export async function openAs(browser: Browser, persona: string | 'new'): Promise<Page> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.goto(appUrl());
  await ui(page).getByText('选择体验身份').waitFor();
  await button(page, persona === 'new' ? '以新用户身份体验' : `以${persona}的身份进入`).click();
  await ui(page)
    .getByText(/您好|完善资料/)
    .first()
    .waitFor();
  return page;
}

/** Opens a page of the app by its route (hash routing), as a deep link would. */
export async function goTo(page: Page, route: string): Promise<void> {
  await page.goto(`${appUrl()}#${route}`);
}

/** Moves the functions' clock (the local runtime's dev endpoint); 0 puts it back. */
export async function setClockOffset(offsetMs: number): Promise<void> {
  const res = await fetch(new URL('/api/_dev/clock', appUrl()), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs }),
  });
  if (!res.ok) throw new Error(`clock: HTTP ${res.status}`);
}
