import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The heading of one screen of the panel. When the practitioner moves to a
 * new screen, focus goes to its heading, so a screen reader announces where
 * they are and Tab continues from the top of the new screen. The first screen
 * shown never takes focus: opening the panel must not pull focus from the page.
 */
export function ScreenHeading({
  id,
  children,
  takeFocus,
}: {
  id?: string;
  children: ReactNode;
  takeFocus: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Read once: focus moves when the screen appears, not on later renders of it.
  const focusOnArrival = useRef(takeFocus);
  useEffect(() => {
    if (focusOnArrival.current) heading.current?.focus();
  }, []);
  return (
    <h2 ref={heading} id={id} tabIndex={-1} className="screen-heading">
      {children}
    </h2>
  );
}
