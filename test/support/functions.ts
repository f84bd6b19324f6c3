import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@linli/types/api';
import type { Envelope } from '@linli/types/envelope';
import { seedDemoData } from '../../local/demo/seed';
import { invokeFunction } from '../../local/host/invoke';
import { startTestDatabase } from './database';
import { configureLocalPlatform } from '../../local/cloud-env';
import { openFileStore } from '../../local/storage/file-store';
import { openFileLink, type FileLinkAnswer } from '../../local/storage/http';
import { setLocalFileStore } from '../../cloudfunctions/_shared/platform/local';
import { solidPng } from './images';

/**
 * A function-test harness: an in-memory local database behind the real wx-server-sdk, the demo
 * data, a file store in a temporary folder (as the local host has), and a way to call any
 * function as any WeChat user, exactly as the local host does.
 */
export async function startFunctionHarness(options: { seed?: boolean; now?: Date } = {}) {
  const database = await startTestDatabase({ dataDir: null });
  configureLocalPlatform('http://linli.test/');
  const files = await openFileStore(null);
  setLocalFileStore(files);
  if (options.seed ?? true) await seedDemoData(database.db, options.now ?? new Date());

  /** A photo in `openid`'s upload folder, as the upload service stores it; answers its file id. */
  function upload(openid: string, png: Buffer = solidPng()): Promise<string> {
    return files.save(openid, png, 'png');
  }

  /** What the local host answers for a file link (a photo's, an export's), without the HTTP. */
  function fetchLink(url: string): Promise<FileLinkAnswer> {
    return openFileLink(files, new URL(url));
  }

  /** The bytes behind a generated file's link; fails the test when the link does not work. */
  async function download(file: { url: string }): Promise<Buffer> {
    const answer = await fetchLink(file.url);
    if (answer.status !== 200) throw new Error(`the link answered ${answer.status} ${answer.message}`);
    return answer.file.bytes;
  }

  function call<F extends FunctionName, A extends ActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    input: ActionInput<F, A>,
    requestId?: string,
  ): Promise<Envelope<ActionOutput<F, A>>> {
    return invokeFunction(fn, { action, input, ...(requestId ? { requestId } : {}) }, openid) as Promise<
      Envelope<ActionOutput<F, A>>
    >;
  }

  /** Calls and unwraps a success; a failure fails the test with the error code and message. */
  async function ok<F extends FunctionName, A extends ActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    input: ActionInput<F, A>,
    requestId?: string,
  ): Promise<ActionOutput<F, A>> {
    const result = await call(openid, fn, action, input, requestId);
    if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  /** Calls an action that makes a file, and downloads it through the link it answered: the answer and the bytes. */
  async function okFile<F extends FunctionName, A extends ActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    input: ActionInput<F, A>,
  ): Promise<ActionOutput<F, A> & { content: Buffer }> {
    const file = (await ok(openid, fn, action, input)) as ActionOutput<F, A> & { url: string };
    return Object.assign({}, file, { content: await download(file) });
  }

  /** Calls and returns the error code of a failure (fails the test on success). */
  async function errorCode<F extends FunctionName, A extends ActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    input: ActionInput<F, A>,
  ): Promise<string> {
    const result = await call(openid, fn, action, input);
    if (result.ok) throw new Error(`${fn}.${action} unexpectedly succeeded`);
    return result.error.code;
  }

  async function close(): Promise<void> {
    setLocalFileStore(null);
    await files.close();
    await database.close();
  }

  return { db: database.db, call, ok, okFile, errorCode, upload, fetchLink, download, files, close };
}

export type FunctionHarness = Awaited<ReturnType<typeof startFunctionHarness>>;
