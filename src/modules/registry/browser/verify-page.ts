/**
 * Progressive enhancement of the verification page: with script, an uploaded file is verified in
 * the browser (it never leaves the device) by the same code the server runs. The heavy part is
 * loaded only when a file is chosen. Anything going wrong falls back to the plain form post.
 */

interface PageData {
  locale: string;
  messages: Record<string, string>;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function enhance(form: HTMLFormElement, output: HTMLElement, data: PageData): void {
  let verifying = false;
  form.addEventListener('submit', (event) => {
    const input = form.querySelector<HTMLInputElement>('input[type=file]');
    const file = input?.files?.[0];
    if (!file || verifying) return;
    event.preventDefault();
    verifying = true;
    output.replaceChildren(element('p', data.messages['registry.verify.upload.checking'] ?? '…'));
    void (async () => {
      try {
        const local = await import('./verify-local.js');
        const tr = local.translator(data.locale, data.messages);
        const verification = await local.verifyLocally(new Uint8Array(await file.arrayBuffer()), local.sameOriginSources(location.origin));
        const section = element('section', undefined, 'verify-result');
        section.dataset.valid = String(verification.valid);
        section.append(element('h2', tr.t('registry.verify.upload.result', { file: file.name })));
        const notice = element('div', undefined, verification.valid ? 'notice notice-valid' : 'notice notice-warning');
        notice.setAttribute('role', 'status');
        const headline = element('p');
        headline.append(element('strong', tr.t(verification.valid ? 'registry.verify.upload.valid' : 'registry.verify.upload.invalid')));
        notice.append(headline, element('p', tr.t('registry.verify.upload.kind', { kind: tr.t(`credentials.verify.kind.${verification.input ?? 'unknown'}`) })), element('p', tr.t('registry.verify.upload.local')));
        const list = element('ul', undefined, 'checks');
        for (const line of local.checkLines(tr, verification)) {
          const item = element('li', undefined, line.ok ? 'check-ok' : 'check-failed');
          item.dataset.check = line.name;
          item.dataset.ok = String(line.ok);
          item.append(`${line.ok ? '✓' : '✗'} `, element('strong', tr.t(`credentials.verify.check.${line.name}`)), `: ${tr.t(line.ok ? 'registry.verify.ok' : 'registry.verify.failed')} — ${line.text}`);
          list.append(item);
        }
        section.append(notice, list);
        output.replaceChildren(section);
        verifying = false;
      } catch {
        // The server does the same checks.
        output.replaceChildren();
        form.submit();
      }
    })();
  });
}

// The chunk loaded on demand shares the bundler's helpers with this entry, and is also loaded where there is no page (tests).
if (typeof document !== 'undefined') {
  const form = document.querySelector<HTMLFormElement>('form[data-verify-upload]');
  const output = document.getElementById('verify-local-result');
  const script = document.getElementById('verify-messages');
  if (form && output && script?.textContent) enhance(form, output, JSON.parse(script.textContent) as PageData);
}
