/**
 * src/components/role-tags compiled by `taro build native-components --type weapp` (see
 * scripts/build-mp-fixtures.sh) and rendered as a native custom component: checks the WeChat
 * output itself — the template Taro generates, its runtime, and our component on top.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * The little of miniprogram-simulate used here. Its own typings pull in miniprogram-api-typings,
 * whose global `require` declaration would replace Node's for the whole project's type check.
 */
interface SimulatedComponent {
  dom: Element;
  attach(parent: Element): void;
  setData(data: Record<string, unknown>): void;
}
interface Simulate {
  load(componentPath: string, tagName: string, options: { rootPath: string }): string;
  render(id: string, properties?: Record<string, unknown>): SimulatedComponent;
  sleep(ms: number): Promise<void>;
}
const simulate = jest.requireActual<Simulate>('miniprogram-simulate');

const FIXTURES = path.join(__dirname, '..', '..', 'dist', 'mp-fixtures');
const COMPONENT = path.join(FIXTURES, 'components', 'role-tags', 'index');

if (!fs.existsSync(`${COMPONENT}.js`)) {
  throw new Error('dist/mp-fixtures is missing: run scripts/build-mp-fixtures.sh first');
}

// Taro's runtime reads the current page's route when a component mounts (it keys the
// component's instance by it); the simulator has no pages, so provide one.
Object.assign(globalThis, { getCurrentPages: () => [{ route: 'pages/mp-test/index' }] });

// Load once per file: loading runs the bundle, which registers Taro's runtime globally.
// The simulator isolates styles by prefixing every class with the tag name: `role-tags--`.
const TAG = 'role-tags';
const componentId = simulate.load(COMPONENT, TAG, { rootPath: FIXTURES });
const cls = (name: string) => `${TAG}--${name}`;

/** Renders the component with Taro props (they arrive through one `props` property). */
async function renderRoleTags(props: Record<string, unknown>) {
  const component = simulate.render(componentId, { props });
  component.attach(document.createElement('parent-wrapper'));
  await simulate.sleep(50); // Taro renders with React, then hands the tree over by setData
  return component;
}

/** The visible texts of the tags, in order. */
function tagTexts(root: Element): string[] {
  return Array.from(root.querySelectorAll(`.${cls('ll-role-tags__tag')}`)).map(
    (node) => node.textContent?.trim() ?? '',
  );
}

describe('role-tags as a WeChat custom component', () => {
  it('renders one tag per role, most responsible first', async () => {
    const component = await renderRoleTags({ roles: ['resident', 'admin', 'volunteer'] });
    expect(tagTexts(component.dom)).toEqual(['站长', '志愿者', '居民']);
  });

  it('marks each tag with its role for styling', async () => {
    const component = await renderRoleTags({ roles: ['social_worker'] });
    const tag = component.dom.querySelector(`.${cls('ll-role-tags__tag')}`);
    expect(tag?.classList.contains(cls('ll-role-tags__tag--social_worker'))).toBe(true);
  });

  it('shows the empty text when there are no roles', async () => {
    const component = await renderRoleTags({ roles: [], emptyText: '尚未注册' });
    expect(tagTexts(component.dom)).toEqual([]);
    expect(component.dom.textContent).toContain('尚未注册');
  });

  it('follows new props', async () => {
    const component = await renderRoleTags({ roles: ['resident'] });
    component.setData({ props: { roles: ['resident', 'social_worker'] } });
    await simulate.sleep(50);
    expect(tagTexts(component.dom)).toEqual(['社工', '居民']);
  });
});
