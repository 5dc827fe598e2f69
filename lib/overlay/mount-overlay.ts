import { type OverlayLayout, PANEL_WIDTH } from './page-protocol';

/**
 * The in-page part of the extension: a launcher button and the panel frame,
 * inside a closed shadow root under a randomly named host element, so the host
 * page's scripts cannot reach into it and its CSS cannot restyle it. The panel
 * itself is an extension page in an iframe: child data never enters this DOM.
 * The panel docks to the right edge, is resizable, and collapses to the
 * launcher, so it never covers the host's own controls for longer than the
 * practitioner wants.
 */

export interface OverlayOptions {
  document: Document;
  /** The extension URL of the panel page (from `browser.runtime.getURL`). */
  panelUrl: string;
  layout?: OverlayLayout;
  /** Told when the practitioner opens, closes or resizes the panel, so it can be remembered. */
  onLayoutChange?: (layout: OverlayLayout) => void;
}

export interface Overlay {
  /** Opens the panel; `focus` moves keyboard focus into it (not when restoring a remembered layout). */
  open(options?: { focus?: boolean }): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  applyLayout(layout: OverlayLayout): void;
  /** The element in the host page that holds the closed shadow root. */
  host: Element;
  /** The panel's frame, once it has been opened. */
  frame(): HTMLIFrameElement | undefined;
  /** Whether keyboard focus is inside our own panel frame (where an Insert press comes from). */
  hasFocus(): boolean;
  remove(): void;
}

// Written compact because it ships in the content script. While the panel is
// open the launcher sits beside it, never over its content.
const styles = [
  ':host{all:initial}',
  '.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483647;font:600 14px/1.2 system-ui,sans-serif;color:#fff;background:#1d4f91;border:2px solid #fff;border-radius:20px;padding:10px 16px;box-shadow:0 2px 8px #0006;cursor:pointer}',
  '.launcher:hover{background:#163d70}',
  '.launcher[aria-expanded=true]{right:calc(min(var(--width),100vw - 40px) + 16px)}',
  ':focus-visible{outline:3px solid #fd0;outline-offset:2px}',
  '.dock{position:fixed;top:0;right:0;z-index:2147483646;display:flex;width:min(var(--width),100vw - 40px);height:100vh;background:#fff;box-shadow:-4px 0 16px #0003}',
  '.dock[hidden]{display:none}',
  '.grip{flex:0 0 8px;cursor:ew-resize;background:#d6dbe3;border-left:1px solid #8a8a8a;touch-action:none}',
  '.grip:hover,.dragging{background:#9fb3cf}',
  '.frame{flex:1;min-width:0;border:0;background:#fff}',
  '.dragging+.frame{pointer-events:none}',
].join('');

function randomElementName(document: Document): string {
  const bytes = new Uint8Array(6);
  (document.defaultView?.crypto ?? crypto).getRandomValues(bytes);
  return `x-${Array.from(bytes, (byte) => byte.toString(36)).join('')}`;
}

const clampWidth = (width: number) => Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, width)));

export function mountOverlay({ document, panelUrl, layout, onLayoutChange }: OverlayOptions): Overlay {
  const window = document.defaultView as Window;
  const host = document.createElement(randomElementName(document));
  const shadow = host.attachShadow({ mode: 'closed' });
  const make = <Tag extends keyof HTMLElementTagNameMap>(tag: Tag, className: string) => {
    const element = document.createElement(tag);
    element.className = className;
    return element;
  };

  const style = document.createElement('style');
  style.textContent = styles;
  const root = make('div', 'root');
  const launcher = make('button', 'launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-expanded', 'false');
  const dock = make('div', 'dock');
  dock.hidden = true;
  const grip = make('div', 'grip');
  grip.tabIndex = 0;
  grip.setAttribute('role', 'separator');
  grip.setAttribute('aria-orientation', 'vertical');
  grip.setAttribute('aria-label', 'Resize escalation panel');
  grip.setAttribute('aria-valuemin', String(PANEL_WIDTH.min));
  grip.setAttribute('aria-valuemax', String(PANEL_WIDTH.max));
  dock.append(grip);
  root.append(launcher, dock);
  shadow.append(style, root);

  let frame: HTMLIFrameElement | undefined;
  let width: number = PANEL_WIDTH.default;
  const remember = () => onLayoutChange?.({ open: isOpen(), width });

  const setWidth = (next: number) => {
    width = clampWidth(next);
    root.style.setProperty('--width', `${width}px`);
    grip.setAttribute('aria-valuenow', String(width));
  };

  // The frame is created on first open, so a page where the panel is never
  // opened never loads the panel (or React) at all.
  const ensureFrame = (): HTMLIFrameElement => {
    if (frame) return frame;
    frame = make('iframe', 'frame');
    frame.title = 'Escalation panel';
    // Must be set before src, or the panel cannot write to the clipboard.
    frame.setAttribute('allow', 'clipboard-write');
    frame.src = panelUrl;
    dock.append(frame);
    return frame;
  };

  const isOpen = () => !dock.hidden;
  const setOpen = (open: boolean, focus: boolean) => {
    const panel = open ? ensureFrame() : undefined;
    dock.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.textContent = open ? 'Close escalations' : 'Escalations';
    if (panel && focus) panel.focus();
  };

  launcher.addEventListener('click', () => {
    setOpen(!isOpen(), true);
    remember();
  });

  grip.addEventListener('keydown', (event) => {
    const step = { ArrowLeft: 20, ArrowRight: -20 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    setWidth(width + step);
    remember();
  });
  grip.addEventListener('pointerdown', (event) => {
    grip.setPointerCapture(event.pointerId);
    grip.classList.add('dragging');
  });
  grip.addEventListener('pointermove', (event) => {
    if (grip.hasPointerCapture(event.pointerId)) setWidth(window.innerWidth - event.clientX);
  });
  grip.addEventListener('lostpointercapture', () => {
    grip.classList.remove('dragging');
    remember();
  });

  const applyLayout = (next: OverlayLayout) => {
    setWidth(next.width);
    setOpen(next.open, false);
  };
  setWidth(layout?.width ?? PANEL_WIDTH.default);
  setOpen(layout?.open ?? false, false);

  document.documentElement.append(host);
  // A page that rebuilds its document (or removes what it does not know) gets the overlay back.
  const keepMounted = new MutationObserver(() => {
    if (!host.isConnected) document.documentElement.append(host);
  });
  keepMounted.observe(document.documentElement, { childList: true });

  return {
    open: ({ focus = true } = {}) => {
      setOpen(true, focus);
      remember();
    },
    close: () => {
      setOpen(false, false);
      remember();
    },
    toggle: () => {
      setOpen(!isOpen(), true);
      remember();
    },
    isOpen,
    applyLayout,
    host,
    frame: () => (isOpen() ? frame : undefined),
    hasFocus: () => document.activeElement === host && shadow.activeElement === frame,
    remove: () => {
      keepMounted.disconnect();
      host.remove();
    },
  };
}
