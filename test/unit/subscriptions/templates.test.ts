/**
 * The one table of subscription messages (types/subscriptions.ts) against both sides: every
 * template a function sends is in it, sent by that function for the events it lists, and asked
 * for at a tap — in prompts WeChat can show (≤ 3 templates of different titles, only in a tap).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATE as ACTIVITY_TEMPLATES } from '../../../cloudfunctions/activity/src/notifications';
import { TEMPLATE as ESCALATION_TEMPLATES } from '../../../cloudfunctions/escalations/src/flag-overdue-complaints';
import { TEMPLATE as REMINDER_TEMPLATES } from '../../../cloudfunctions/reminders/src/send-reminders';
import { TEMPLATE as WISH_TEMPLATES } from '../../../cloudfunctions/wishes/src/notifications';
import {
  MAX_TEMPLATES_PER_PROMPT,
  SUBSCRIPTION_PROMPTS,
  SUBSCRIPTION_TEMPLATE_KEYS,
  SUBSCRIPTION_TEMPLATES,
  promptTemplates,
  type SubscriptionPrompt,
  type SubscriptionTemplate,
} from '../../../types/subscriptions';

const ROOT = path.join(__dirname, '../../..');
const PROMPTS = Object.keys(SUBSCRIPTION_PROMPTS) as SubscriptionPrompt[];
const table: Record<string, SubscriptionTemplate> = SUBSCRIPTION_TEMPLATES;

/** Each sender's own map, event → template key: what the functions really send. */
const SENDERS: Record<SubscriptionTemplate['sentBy'], { file: string; map: Record<string, string | undefined> }> = {
  activity: { file: 'cloudfunctions/activity/src/notifications.ts', map: ACTIVITY_TEMPLATES },
  reminders: { file: 'cloudfunctions/reminders/src/send-reminders.ts', map: REMINDER_TEMPLATES },
  wishes: { file: 'cloudfunctions/wishes/src/notifications.ts', map: WISH_TEMPLATES },
  escalations: { file: 'cloudfunctions/escalations/src/flag-overdue-complaints.ts', map: ESCALATION_TEMPLATES },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('the prompts', () => {
  it.each(PROMPTS)('%s fits in one requestSubscribeMessage call: 1–3 templates of different titles', (prompt) => {
    const keys = promptTemplates(prompt);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_PROMPT);
    // WeChat keeps only one of several same-titled templates in a call.
    const titles = keys.map((key) => table[key]!.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('ask for every template somewhere', () => {
    const asked = new Set(PROMPTS.flatMap(promptTemplates));
    expect(SUBSCRIPTION_TEMPLATE_KEYS.filter((key) => !asked.has(key))).toEqual([]);
  });

  it('give what a resident most needs to hear: a change at booking, a seat when waitlisted', () => {
    expect(promptTemplates('book')).toEqual(['activity_changed', 'activity_reminder', 'feedback_invitation']);
    expect(promptTemplates('waitlist')).toEqual(['booking_promoted', 'activity_changed', 'activity_reminder']);
    expect(promptTemplates('wish')).toEqual(['wish_reviewed', 'wish_claimed', 'wish_fulfilled']);
    expect(promptTemplates('complaint_alerts')).toEqual(['complaint_overdue']);
  });

  it('have different titles across the whole table (one console, one title per template)', () => {
    const titles = SUBSCRIPTION_TEMPLATE_KEYS.map((key) => table[key]!.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('the senders', () => {
  it.each(Object.entries(SENDERS))(
    '%s sends exactly the events and templates the table lists for it',
    (sender, { map }) => {
      const sent = Object.entries(map).filter((entry): entry is [string, string] => entry[1] !== undefined);
      const listed = SUBSCRIPTION_TEMPLATE_KEYS.filter((key) => table[key]!.sentBy === sender).flatMap((key) =>
        Object.keys(table[key]!.messages).map((event) => [event, key] as [string, string]),
      );
      expect(sent.sort()).toEqual(listed.sort());
    },
  );

  it('are the only code that sends a subscription message, and each sends through its map', () => {
    const callers = sourceFiles(path.join(ROOT, 'cloudfunctions'))
      .map((file) => path.relative(ROOT, file))
      .filter((file) => !file.startsWith(path.join('cloudfunctions', '_shared', 'platform')))
      .filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('sendSubscribeMessage('));
    expect(callers.sort()).toEqual(
      Object.values(SENDERS)
        .map((s) => s.file)
        .sort(),
    );
    for (const file of callers) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // The template of every call comes from the module's TEMPLATE map, never a string typed in.
      const templates = [...text.matchAll(/sendSubscribeMessage\(\{[\s\S]*?template:\s*([^,\n]+)/g)].map((m) => m[1]);
      expect([file, templates.every((t) => /^TEMPLATE[[.]/.test(t!))]).toEqual([file, true]);
      expect(templates.length).toBeGreaterThan(0);
    }
  });
});
