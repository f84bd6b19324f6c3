/**
 * XMLHttpRequest for the H5 upload in jsdom: records each request and lets the test answer it
 * (or report upload progress, or fail the connection) when it chooses.
 */
export class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: unknown): void {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
  fail(): void {
    this.onerror?.();
  }
}

const realXhr = globalThis.XMLHttpRequest;

/** Installs the fake for the tests of one file. */
export function installFakeXhr(): void {
  beforeEach(() => {
    FakeXhr.sent = [];
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  });
  afterEach(() => {
    globalThis.XMLHttpRequest = realXhr;
  });
}

/** The latest request, once the code under test has sent it. */
export async function nextUpload(): Promise<FakeXhr> {
  for (let i = 0; i < 50 && FakeXhr.sent.length === 0; i += 1) await new Promise((r) => setTimeout(r, 0));
  const xhr = FakeXhr.sent.shift();
  if (!xhr) throw new Error('no upload was sent');
  return xhr;
}
