/**
 * Before acting on a press that came from the panel, check that the host page
 * has not hidden, faded or covered it: in-page extension UI has been shown
 * clickjackable that way (the page fades the UI so a click meant for the page
 * lands on it). Returns the reason to show the practitioner, or undefined when
 * the panel is plainly visible.
 */
export function panelObstruction(host: Element, frame: HTMLIFrameElement): string | undefined {
  const document = host.ownerDocument;
  const window = document.defaultView;
  if (!window || !host.isConnected) return 'the panel is no longer on the page';

  for (let element: Element | null = host; element; element = element.parentElement) {
    const style = window.getComputedStyle(element);
    if (style.display === 'none' || style.visibility !== 'visible') return 'the page has hidden the panel';
    if (Number(style.opacity) < 1) return 'the page has made the panel see-through';
    const altered =
      style.filter !== 'none' ||
      style.clipPath !== 'none' ||
      (style.mixBlendMode || 'normal') !== 'normal' ||
      (element === host && style.transform !== 'none');
    if (altered) return 'the page has changed how the panel is drawn';
  }

  const box = frame.getBoundingClientRect();
  if (box.width < 200 || box.height < 200) return 'the panel is too small to see';
  // The panel must be what is on top wherever the practitioner might have pressed.
  const spots = [
    [0.5, 0.5],
    [0.2, 0.15],
    [0.8, 0.15],
    [0.2, 0.85],
    [0.8, 0.85],
  ] as const;
  for (const [across, down] of spots) {
    const x = Math.min(window.innerWidth - 1, box.left + box.width * across);
    const y = Math.min(window.innerHeight - 1, box.top + box.height * down);
    if (document.elementFromPoint(x, y) !== host) return 'something on the page is covering the panel';
  }
  // A cover that lets clicks through (pointer-events: none) is invisible to hit testing, so look for
  // anything drawn at our height or above, or in the top layer, over the panel.
  for (const element of Array.from(document.querySelectorAll('body *, html > :not(head, body)'))) {
    if (element === host || !overlaps(element.getBoundingClientRect(), box)) continue;
    const style = window.getComputedStyle(element);
    const onTop =
      isInTopLayer(element) || (style.position !== 'static' && Number(style.zIndex) >= PANEL_LAYER);
    if (onTop && style.visibility === 'visible' && Number(style.opacity) > 0) {
      return 'something on the page is covering the panel';
    }
  }
  return undefined;
}

/** The z-index of the panel's dock (lib/overlay/mount-overlay). */
const PANEL_LAYER = 2147483646;

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.width > 0 && a.height > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function isInTopLayer(element: Element): boolean {
  try {
    return element.matches(':modal, :popover-open, :fullscreen');
  } catch {
    return false;
  }
}
