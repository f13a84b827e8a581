/**
 * Small typed arrays carved out of shared buffers.
 *
 * Why: V8 keeps a typed array's elements in its own heap only up to 64 bytes. A larger one gets a
 * buffer of its own outside the heap — an allocation by the C library, and a record the collector
 * has to sweep when it dies — and a consolidation makes five of them per district (its figure maps,
 * one slot per indicator code). Views of one 64 KiB buffer cost only the view (districtData over
 * 10,000 sheets: ~110 → ~92 ms at best, alternating processes). A buffer lives as long as any view of
 * it: the per-district maps of a run are made together and let go together. (A sheet's entry table,
 * one 4.7 KB buffer, was no faster carved from one.)
 */
const SLAB_BYTES = 64 * 1024;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** Where `bytes` bytes start (aligned to `align`) in the current buffer, a fresh one when it is full; zeroed, never handed out twice. Above a quarter of a buffer they get a buffer of their own. */
function carve(bytes: number, align: number): { buffer: ArrayBuffer; offset: number } {
  if (bytes > SLAB_BYTES / 4) return { buffer: new ArrayBuffer(bytes), offset: 0 };
  let offset = Math.ceil(used / align) * align;
  if (offset + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    offset = 0;
  }
  used = offset + bytes;
  return { buffer: slab, offset };
}

/** A zeroed Float64Array of `length` elements. */
export function float64s(length: number): Float64Array {
  const { buffer, offset } = carve(8 * length, 8);
  return new Float64Array(buffer, offset, length);
}

/** A zeroed Uint8Array of `length` elements. */
export function uint8s(length: number): Uint8Array {
  const { buffer, offset } = carve(length, 1);
  return new Uint8Array(buffer, offset, length);
}
