import type { CDPSession, Page } from '@playwright/test';

/**
 * The overlay lives in a closed shadow root, which Playwright's locators do not
 * enter (nor can the host page). Tests reach it the way assistive technology
 * does: through the browser's accessibility tree, by role and accessible name.
 */
export class OverlayControls {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<OverlayControls> {
    return new OverlayControls(page, await page.context().newCDPSession(page));
  }

  private async find(role: string, name: string): Promise<number | undefined> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = await this.cdp.send('Accessibility.queryAXTree', {
      backendNodeId: root.backendNodeId,
      accessibleName: name,
      role,
    });
    return nodes.find((node) => node.backendDOMNodeId !== undefined && !node.ignored)?.backendDOMNodeId;
  }

  /** Waits until a control with this role and name is in the page. */
  async waitFor(role: string, name: string, timeout = 5_000): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const node = await this.find(role, name);
      if (node !== undefined) return node;
      if (Date.now() > deadline) throw new Error(`No ${role} named "${name}" in the overlay`);
      await this.page.waitForTimeout(100);
    }
  }

  async isPresent(role: string, name: string): Promise<boolean> {
    return (await this.find(role, name)) !== undefined;
  }

  /** Clicks the control at its on-screen position, as a pointer user would. */
  async click(role: string, name: string): Promise<void> {
    const backendNodeId = await this.waitFor(role, name);
    const { model } = await this.cdp.send('DOM.getBoxModel', { backendNodeId });
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  /** Moves keyboard focus to the control, as Tab would. */
  async focus(role: string, name: string): Promise<void> {
    const backendNodeId = await this.waitFor(role, name);
    await this.cdp.send('DOM.focus', { backendNodeId });
  }
}
