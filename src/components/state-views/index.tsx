import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ReactNode } from 'react';
import type { ApiError } from '@/services/api';
import type { Session } from '@/hooks/use-session';
import './index.scss';

/** What a page shows while its data loads, when loading failed, and when there is nothing. */
export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="ll-state ll-state--loading" aria-busy="true">
      <View className="ll-state__spinner" />
      <Text className="ll-state__text">{text}</Text>
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: Pick<ApiError, 'message'>; onRetry?: () => void }) {
  return (
    <View className="ll-state ll-state--error" role="alert">
      <Text className="ll-state__title">出错了</Text>
      <Text className="ll-state__text">{error.message}</Text>
      {onRetry && (
        <Button className="ll-state__action" type="primary" fill="outline" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

export interface EmptyStateProps {
  title: string;
  description?: string;
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <View className="ll-state ll-state--empty">
      <View className="ll-state__mark" />
      <Text className="ll-state__title">{title}</Text>
      {description && <Text className="ll-state__text">{description}</Text>}
      {action && <View className="ll-state__action">{action}</View>}
    </View>
  );
}

/** An error that belongs to the whole page or form, shown inline above it. */
export function ErrorBanner({ message }: { message: string }) {
  return (
    <View className="ll-state-banner" role="alert">
      {message}
    </View>
  );
}

/**
 * What a page that needs the session shows until it has one: loading, or the error with a retry.
 * Null once the session is there (an error on a later refresh keeps the known profile shown).
 */
export function sessionFallback(session: Session): ReactNode | null {
  if (session.loading) return <LoadingState />;
  if (session.error && !session.profile) {
    return <ErrorState error={session.error} onRetry={() => void session.refresh()} />;
  }
  return null;
}
