import type { Page } from '@playwright/test';

/** What a page did that it must not: CSP violations, dialogs, uncaught errors, the hostile canary. */
export interface PageWatch {
  violations(): Promise<string[]>;
  dialogs: string[];
  errors: string[];
  pwned(): Promise<unknown>;
}

/**
 * Records securitypolicyviolation events (injected before any page script runs), console messages
 * about refused resources, dialogs (auto-dismissed) and page errors.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const dialogs: string[] = [];
  const errors: string[] = [];
  const refused: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  return {
    dialogs,
    errors,
    violations: async () => [
      ...refused,
      ...(await page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      )),
    ],
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  };
}
