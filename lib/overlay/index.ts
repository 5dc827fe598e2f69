export { runOverlay } from './content';
export { mountOverlay, type Overlay, type OverlayOptions } from './mount-overlay';
