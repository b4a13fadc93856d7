/** Decoded pixels, 8 bits a sample, top row first: what a PNG becomes before it is embedded. */
export interface Raster {
  width: number;
  height: number;
  /** 1 (gray) or 3 (RGB). */
  channels: 1 | 3;
  /** width × height × channels bytes. */
  pixels: Uint8Array;
  /** width × height bytes of opacity, absent when every pixel is opaque. */
  alpha?: Uint8Array;
  /** Pixels per inch, when the file says. */
  dpi?: { x: number; y: number };
}
