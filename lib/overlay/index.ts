export { mountOverlay, type Overlay, type OverlayOptions } from './mount-overlay';
