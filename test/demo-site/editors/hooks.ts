/** The read-back hook the insertion tests use: each editor's text through its own API, once it is ready. */
export interface EditorHook {
  text(): string;
  html?(): string;
}

export interface EditorGlobals {
  editors: Record<string, EditorHook>;
  // biome-ignore lint/suspicious/noExplicitAny: the editors' own globals, loaded by their own scripts.
  tinymce: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  CKEDITOR: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  Quill: any;
}

export function register(name: string, text: () => string, html?: () => string) {
  const globals = window as unknown as EditorGlobals;
  globals.editors ??= {};
  globals.editors[name] = html ? { text, html } : { text };
}

/** An editor's HTML as its text, a line per paragraph and line break. */
export function htmlText(html: string): string {
  const marked = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|h\d|li)>/gi, '\n');
  return new DOMParser().parseFromString(marked, 'text/html').body.textContent ?? '';
}
