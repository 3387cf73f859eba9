// A small WebDriver (classic, W3C) client over fetch: enough to drive WebKitGTK's MiniBrowser through
// WebKitWebDriver. webdriverio would pull ~115 packages for the same dozen commands.

export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A web element reference as the driver returns it. */
export type ElementRef = { [ELEMENT]: string };

export class WebDriverError extends Error {}

export class WebDriverSession {
  private constructor(
    readonly base: string,
    readonly id: string,
  ) {}

  static async create(base: string, capabilities: object): Promise<WebDriverSession> {
    const value = (await call(base, 'POST', '/session', { capabilities })) as { sessionId: string };
    return new WebDriverSession(base, value.sessionId);
  }

  command(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<unknown> {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  navigate(url: string): Promise<unknown> {
    return this.command('POST', '/url', { url });
  }
  /** Runs `script` (a function body: `arguments`, `return`) in the page; a returned promise is awaited. */
  execute(script: string, args: unknown[] = []): Promise<unknown> {
    return this.command('POST', '/execute/sync', { script, args });
  }
  clickElement(element: ElementRef): Promise<unknown> {
    return this.command('POST', `/element/${element[ELEMENT]}/click`, {});
  }
  async actions(actions: object[]): Promise<void> {
    await this.command('POST', '/actions', { actions });
    await this.command('DELETE', '/actions');
  }
  setWindowRect(rect: { width: number; height: number }): Promise<unknown> {
    return this.command('POST', '/window/rect', rect);
  }
  async screenshot(): Promise<Buffer> {
    return Buffer.from((await this.command('GET', '/screenshot')) as string, 'base64');
  }
  async close(): Promise<void> {
    await this.command('DELETE', '').catch(() => undefined);
  }
}

async function call(base: string, method: string, path: string, body?: object): Promise<unknown> {
  const response = await fetch(base + path, {
    method,
    headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json().catch(() => ({}))) as {
    value?: { error?: string; message?: string } | unknown;
  };
  if (!response.ok) {
    const value = (json.value ?? {}) as { error?: string; message?: string };
    throw new WebDriverError(
      `${method} ${path}: ${value.error ?? response.status} ${value.message ?? ''}`,
    );
  }
  return json.value;
}

/** WebDriver's code points for the keys the tests press. */
export const KEYS: Record<string, string> = {
  Space: ' ',
  Enter: '\uE007',
  Escape: '\uE00C',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  Home: '\uE011',
  End: '\uE010',
  Tab: '\uE004',
};
