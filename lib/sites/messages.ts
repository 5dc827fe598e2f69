import * as z from 'zod/mini';
import { defineMessage } from '@/lib/messaging';

/** The toolbar popup's messages to the background, each about one tab (the active one). */

const aTab = z.object({ tabId: z.number().check(z.int()) });

export const siteStatusMessage = defineMessage('sites/status', {
  request: aTab,
  reply: z.object({ site: z.nullable(z.string()), enabled: z.boolean() }),
  from: ['extension-page'],
});

export const enableSiteMessage = defineMessage('sites/enable', {
  request: aTab,
  reply: z.object({}),
  from: ['extension-page'],
});

export const disableSiteMessage = defineMessage('sites/disable', {
  request: aTab,
  reply: z.object({}),
  from: ['extension-page'],
});

export const openPanelHereMessage = defineMessage('sites/open-panel-here', {
  request: aTab,
  reply: z.object({}),
  from: ['extension-page'],
});
