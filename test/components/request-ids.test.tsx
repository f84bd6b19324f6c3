import { act, renderHook } from '@testing-library/react';
import { API, type FunctionName } from '@linli/types/api';
import { functionRequestSchema } from '@linli/types/envelope';
import { WRITE_ACTIONS } from '@linli/types/write-actions';
import { call, isWrite } from '@/services/api';
import { useAction } from '@/hooks/use-action';
import { fakeApi, refuse } from './support/fake-api';

/**
 * Every write the app sends carries a request id (docs/access.md): the function does it once,
 * however often the request arrives. The list of writes is generated from the functions'
 * declared policies (types/write-actions.ts; a function test checks it is current).
 */
const everyAction = (Object.keys(API) as FunctionName[]).flatMap((fn) =>
  Object.keys(API[fn]).map((action) => ({ fn, action })),
);

/** A transport that records what is sent and answers every action with an empty success. */
function recordAll() {
  const handlers = Object.fromEntries(
    (Object.keys(API) as FunctionName[]).map((fn) => [
      fn,
      Object.fromEntries(Object.keys(API[fn]).map((a) => [a, () => ({})])),
    ]),
  );
  return fakeApi(handlers as Parameters<typeof fakeApi>[0]);
}

it('sends a fresh, valid request id with every write and none with a read', async () => {
  const api = recordAll();
  for (const { fn, action } of everyAction) {
    // Inputs do not matter here: the transport is a fake, and only the envelope is looked at.
    await call(fn, action as never, {} as never);
  }
  const writes = api.calls.filter((c) => isWrite(c.fn as FunctionName, c.action));
  expect(writes.length).toBe(Object.values(WRITE_ACTIONS).flatMap((w) => Object.keys(w)).length);
  for (const c of api.calls) {
    if (isWrite(c.fn as FunctionName, c.action)) {
      expect({ call: `${c.fn}.${c.action}`, valid: functionRequestSchema.safeParse(c).success }).toEqual({
        call: `${c.fn}.${c.action}`,
        valid: true,
      });
      expect(c.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    } else {
      expect({ call: `${c.fn}.${c.action}`, requestId: c.requestId }).toEqual({
        call: `${c.fn}.${c.action}`,
        requestId: undefined,
      });
    }
  }
  expect(new Set(writes.map((c) => c.requestId)).size).toBe(writes.length);
});

it("keeps the caller's request id", async () => {
  const api = recordAll();
  await call('activity', 'book', { activityId: 'DemoAct002' }, { requestId: 'rIntent000001' });
  expect(api.callsTo('activity', 'book')[0]!.requestId).toBe('rIntent000001');
});

it('a retry of one intent reuses its id; a new intent gets a new one', async () => {
  let failNext = true;
  const api = fakeApi({
    activity: {
      cancel: () => {
        if (failNext) {
          failNext = false;
          refuse({ code: 'INTERNAL', message: '网络不稳定，请稍后重试' });
        }
        return {} as never;
      },
    },
  });
  const { result } = renderHook(() =>
    useAction((activityId: string, reason: string, requestId: string) =>
      call('activity', 'cancel', { activityId, reason }, { requestId }),
    ),
  );
  await act(() => result.current.run('DemoAct003', '场地维修'));
  await act(() => result.current.run('DemoAct003', '场地维修'));
  await act(() => result.current.run('DemoAct004', '场地维修'));
  const ids = api.callsTo('activity', 'cancel').map((c) => c.requestId);
  expect(ids).toHaveLength(3);
  expect(ids[1]).toBe(ids[0]);
  expect(ids[2]).not.toBe(ids[1]);
});
