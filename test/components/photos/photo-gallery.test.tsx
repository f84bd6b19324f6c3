/** The gallery of private photos: shown from the short-lived links, tapped to view full screen. */
import { fireEvent, render, screen } from '@testing-library/react';
import PhotoGallery from '@/components/photo-gallery';
import { previewImage } from '../support/taro';

const A = 'http://127.0.0.1:8930/__files/cloud%3A%2F%2Flocal%2Fuploads%2Fo1%2Faaaaaaaaaa.png?expires=1&sig=x';
const B = 'http://127.0.0.1:8930/__files/cloud%3A%2F%2Flocal%2Fuploads%2Fo1%2Fbbbbbbbbbb.png?expires=1&sig=y';

const imageOf = (label: string) => screen.getByLabelText(label).querySelector('img')!;

it('shows each photo from its link and opens the viewer on the one tapped', () => {
  render(<PhotoGallery urls={[A, B]} label="投诉照片" />);
  expect(imageOf('查看投诉照片第1张').getAttribute('src')).toBe(A);
  expect(imageOf('查看投诉照片第2张').getAttribute('src')).toBe(B);
  fireEvent.click(screen.getByLabelText('查看投诉照片第2张'));
  expect(previewImage).toHaveBeenCalledWith({ current: B, urls: [A, B] });
});

it('says a link has expired instead of showing an empty box, and leaves it out of the viewer', () => {
  render(<PhotoGallery urls={[A, B]} label="服务照片" />);
  fireEvent.error(imageOf('查看服务照片第1张'));
  expect(screen.getByText('照片已过期，请重新打开本页')).toBeTruthy();
  fireEvent.click(screen.getByLabelText('查看服务照片第2张'));
  expect(previewImage).toHaveBeenCalledWith({ current: B, urls: [B] });
});

it('shows nothing when there are no photos', () => {
  const { container } = render(<PhotoGallery urls={[]} />);
  expect(container.innerHTML).toBe('');
});

it('names a single photo without a number', () => {
  render(<PhotoGallery urls={[A]} label="服务照片" />);
  expect(screen.getByLabelText('查看服务照片')).toBeTruthy();
});
