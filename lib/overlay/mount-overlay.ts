/**
 * The in-page part of the extension: a launcher button and the panel frame,
 * inside a closed shadow root under a randomly named host element, so the host
 * page's scripts cannot reach into it and its CSS cannot restyle it. The panel
 * itself is an extension page in an iframe: child data never enters this DOM.
 */

export interface OverlayOptions {
  document: Document;
  /** The extension URL of the panel page (from `browser.runtime.getURL`). */
  panelUrl: string;
}

export interface Overlay {
  open(): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  remove(): void;
}

const styles = `
:host { all: initial; }
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483647;
  font: 600 14px/1.2 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #fff; background: #1d4f91; border: 2px solid #fff; border-radius: 20px;
  padding: 10px 16px; box-shadow: 0 2px 8px rgb(0 0 0 / 35%); cursor: pointer;
}
.launcher:hover { background: #163d70; }
/* While the panel is open the launcher sits beside it, never over its content. */
.launcher[aria-expanded="true"] { right: min(436px, calc(100vw - 180px)); }
.launcher:focus-visible { outline: 3px solid #fd0; outline-offset: 2px; }
.frame {
  position: fixed; top: 0; right: 0; z-index: 2147483646;
  width: min(420px, 100vw); height: 100vh; border: 0; border-left: 1px solid #8a8a8a;
  background: #fff; box-shadow: -4px 0 16px rgb(0 0 0 / 20%);
}
.frame[hidden] { display: none; }
`;

function randomElementName(document: Document): string {
  const bytes = new Uint8Array(6);
  (document.defaultView?.crypto ?? crypto).getRandomValues(bytes);
  return `x-${Array.from(bytes, (byte) => byte.toString(36)).join('')}`;
}

export function mountOverlay({ document, panelUrl }: OverlayOptions): Overlay {
  const host = document.createElement(randomElementName(document));
  const shadow = host.attachShadow({ mode: 'closed' });

  const style = document.createElement('style');
  style.textContent = styles;

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.textContent = 'Escalations';
  launcher.setAttribute('aria-expanded', 'false');

  let frame: HTMLIFrameElement | undefined;

  // The frame is created on first open, so a page that is never escalated on
  // never loads the panel at all.
  const ensureFrame = (): HTMLIFrameElement => {
    if (frame) return frame;
    frame = document.createElement('iframe');
    frame.className = 'frame';
    frame.title = 'Escalation panel';
    // Must be set before src, or the panel cannot write to the clipboard.
    frame.setAttribute('allow', 'clipboard-write');
    frame.src = panelUrl;
    shadow.append(frame);
    return frame;
  };

  const setOpen = (open: boolean) => {
    const panel = open ? ensureFrame() : frame;
    if (!panel) return;
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.textContent = open ? 'Close escalations' : 'Escalations';
    if (open) panel.focus();
  };

  const isOpen = () => frame !== undefined && !frame.hidden;
  launcher.addEventListener('click', () => setOpen(!isOpen()));

  shadow.append(style, launcher);
  document.documentElement.append(host);

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!isOpen()),
    isOpen,
    remove: () => host.remove(),
  };
}
