import Taro from '@tarojs/taro';

/** Short confirmations as a toast; errors stay inline on the page where they can be read. */
export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}

export function toastMessage(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}
