import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderMode } from '@/hooks/use-elder-mode';
import './index.scss';

export interface PageShellProps {
  /** The page's own class (`activities-page`), next to the shared `page`. */
  className?: string;
  children: ReactNode;
}

/**
 * A page's root: the shared `.page` padding, plus `ll-elder` when 长辈模式 is on. Neither WeChat
 * nor Taro lets the app put a class on the `page` element itself, so each page that should follow
 * the setting renders its content in this shell.
 */
export default function PageShell({ className, children }: PageShellProps) {
  const elder = useElderMode();
  const classes = ['page', 'll-page-shell', className, elder ? 'll-elder' : ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
