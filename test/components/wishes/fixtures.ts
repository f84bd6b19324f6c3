import { fireEvent, screen } from '@testing-library/react';
import type { PublicWish, WishDetail, WishSummary } from '@linli/types/entities/wish';

/** A wish as its beneficiary and staff see it (张阿姨's fan, written down by 李社工). */
export function wishDetail(overrides: Partial<WishDetail> = {}): WishDetail {
  return {
    id: 'Wabc1234567',
    status: 'submitted',
    what: '一台电风扇',
    why: '家里的电风扇坏了，夏天很热。',
    estimatedValue: 150,
    category: 'daily_goods',
    photoUrls: [],
    hardship: 'lonely_elder',
    beneficiary: { personId: 'p_zhang', name: '张秀兰', communityName: '湖滨社区', phoneTail: '0011' },
    submittedByName: '李社工',
    onBehalf: true,
    publicTitle: null,
    publicText: null,
    reviewNote: null,
    claimerName: null,
    claimedAt: null,
    delivery: null,
    confirmedAt: null,
    submittedAt: '2026-11-18T09:00:00+08:00',
    updatedAt: '2026-11-18T09:00:00+08:00',
    history: [
      {
        action: 'submit',
        from: null,
        to: 'submitted',
        by: '李社工',
        role: 'staff',
        at: '2026-11-18T09:00:00+08:00',
        note: null,
      },
    ],
    can: [],
    ...overrides,
  };
}

export function publicWish(overrides: Partial<PublicWish> = {}): PublicWish {
  return {
    id: 'Wabc1234567',
    status: 'published',
    title: '为长者送一台电风扇',
    text: '一位长者家里的电风扇坏了，想要一台新的电风扇。',
    category: 'daily_goods',
    estimatedValue: 150,
    communityName: '湖滨社区',
    contactName: '李社工',
    publishedAt: '2026-11-19T09:00:00+08:00',
    claimedByMe: false,
    claimerName: null,
    delivery: null,
    can: ['claim'],
    ...overrides,
  };
}

export function wishSummary(overrides: Partial<WishSummary> = {}): WishSummary {
  return {
    id: 'Wabc1234567',
    status: 'submitted',
    what: '一台电风扇',
    category: 'daily_goods',
    estimatedValue: 150,
    beneficiaryName: '张秀兰',
    communityName: '湖滨社区',
    onBehalf: true,
    claimerName: null,
    submittedAt: '2026-11-18T09:00:00+08:00',
    updatedAt: '2026-11-18T09:00:00+08:00',
    ...overrides,
  };
}

/** Types into a NutUI input or Taro textarea found by its placeholder. */
export function typeInto(placeholder: string, value: string): void {
  // Taro's textarea repeats its placeholder on the inner <textarea>: the outer element reports input.
  const element = screen.getAllByPlaceholderText(placeholder)[0]!;
  if (element.tagName.toLowerCase() === 'input') {
    fireEvent.input(element, { target: { value } });
  } else {
    // Taro's textarea is a web component: it reports what was typed in the event's detail.
    fireEvent(element, new CustomEvent('input', { detail: { value }, bubbles: true }));
  }
}
