import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  boxAround,
  centredBox,
  clientToPage,
  cssPercentages,
  isDrag,
  moveRect,
  type PageRect,
  type PageSize,
  type Placement,
  rectBetween,
  resizeRect,
  type TopLeftPoint,
} from './placement.js';

/** What changed, for the element's announcements. */
export type PlacementChange = 'placed' | 'moved' | 'confirmed' | 'removed';

export interface PlacementOptions {
  /** Displayed page sizes in points (the viewer's). */
  sizes(): readonly PageSize[];
  /** The page in view, 1-based (where the keyboard puts a new box). */
  currentPage(): number;
  changed(change: PlacementChange): void;
}

interface Drag {
  kind: 'draw' | 'move' | 'resize';
  pointerId: number;
  page: number;
  /** Where the pointer went down, in points from the page's top-left. */
  start: TopLeftPoint;
  client: { x: number; y: number };
  /** The box when the drag began (move, resize). */
  origin?: PageRect;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Arrow keys: the move per press in points, finer with Alt. */
const STEP = 10;
const FINE_STEP = 1;

/**
 * The signature box of `<sign-pdf>`: drawn by dragging on a page (mouse, pen; a tap or click puts a
 * default box there), moved by dragging it, resized by its corner handle; or put on the page in view
 * by `place()` and then moved with the arrow keys, resized with Shift + arrows (Alt for 1-point
 * steps), confirmed with Enter, removed with Escape. Everything is kept in displayed points from the
 * lower-left; screen pixels are converted through the page's drawn size, so zoom does not matter.
 */
export class PlacementController implements ReactiveController {
  #placement: Placement | undefined;
  #drag: Drag | undefined;

  constructor(
    private readonly host: Host,
    private readonly options: PlacementOptions,
  ) {
    host.addController(this);
  }

  get placement(): Placement | undefined {
    return this.#placement;
  }

  hostDisconnected(): void {
    this.#drag = undefined;
  }

  /** Puts the default box in the middle of `page` (the page in view by default) and focuses it. */
  place(page = this.options.currentPage()): void {
    const size = this.options.sizes()[page - 1];
    if (!size) return;
    this.#set({ page, rect: centredBox(size) }, 'placed');
    void this.host.updateComplete.then(() => this.#box()?.focus());
  }

  clear(): void {
    if (!this.#placement) return;
    this.#drag = undefined;
    this.#set(undefined, 'removed');
  }

  /** Forgets the box without an announcement (a new document, a finished signature). */
  reset(): void {
    this.#drag = undefined;
    this.#placement = undefined;
    this.host.requestUpdate();
  }

  #set(placement: Placement | undefined, change: PlacementChange): void {
    this.#placement = placement;
    this.host.requestUpdate();
    this.options.changed(change);
  }

  #box(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.box.placed');
  }

  /** Page `page`'s drawn rectangle on screen (its drawing surface covers it exactly). */
  #pageBox(page: number): DOMRect | undefined {
    return this.host.renderRoot.querySelector(`.surface[data-page="${page}"]`)?.getBoundingClientRect();
  }

  #pointAt(page: number, event: PointerEvent): TopLeftPoint | undefined {
    const box = this.#pageBox(page);
    const size = this.options.sizes()[page - 1];
    return box && size ? clientToPage({ x: event.clientX, y: event.clientY }, box, size) : undefined;
  }

  #capture(event: PointerEvent): void {
    try {
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
    } catch {
      // a synthetic pointer has nothing to capture; its events still arrive at the target
    }
  }

  #onSurfaceDown = (event: PointerEvent): void => {
    if (!event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0)) return;
    const page = Number((event.currentTarget as HTMLElement).dataset['page']);
    const start = this.#pointAt(page, event);
    if (!start) return;
    // a touch may still become a scroll (touch-action lets it): only a tap or a pen/mouse drag draws
    if (event.pointerType !== 'touch') {
      event.preventDefault();
      this.#capture(event);
    }
    this.#drag = {
      kind: 'draw',
      pointerId: event.pointerId,
      page,
      start,
      client: { x: event.clientX, y: event.clientY },
    };
  };

  #onBoxDown = (event: PointerEvent, kind: 'move' | 'resize'): void => {
    const placement = this.#placement;
    if (!placement || !event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0)) return;
    const start = this.#pointAt(placement.page, event);
    if (!start) return;
    event.preventDefault();
    event.stopPropagation();
    this.#capture(event);
    this.#drag = {
      kind,
      pointerId: event.pointerId,
      page: placement.page,
      start,
      client: { x: event.clientX, y: event.clientY },
      origin: placement.rect,
    };
  };

  #onMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const size = this.options.sizes()[drag.page - 1];
    const box = this.#pageBox(drag.page);
    if (!size || !box) return;
    if (drag.kind === 'draw') {
      if (event.pointerType === 'touch') return;
      const at = clientToPage({ x: event.clientX, y: event.clientY }, box, size);
      this.#placement = { page: drag.page, rect: rectBetween(drag.start, at, size) };
    } else {
      // deltas in points, unclamped: the box stops at the page's edges, not the pointer
      const dx = ((event.clientX - drag.client.x) * size.width) / box.width;
      const dy = ((event.clientY - drag.client.y) * size.height) / box.height;
      const rect =
        drag.kind === 'move' ? moveRect(drag.origin!, dx, dy, size) : resizeRect(drag.origin!, dx, dy, size);
      this.#placement = { page: drag.page, rect };
    }
    this.host.requestUpdate();
  };

  #onUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.#drag = undefined;
    const size = this.options.sizes()[drag.page - 1];
    const at = this.#pointAt(drag.page, event);
    if (!size || !at) return;
    if (drag.kind === 'draw') {
      const drawn = event.pointerType === 'touch' ? undefined : rectBetween(drag.start, at, size);
      // a click or a tap puts the default box there
      const rect = drawn && isDrag(drawn) ? drawn : boxAround(drag.start, size);
      this.#set({ page: drag.page, rect }, 'placed');
    } else if (this.#placement) {
      this.#set(this.#placement, 'moved');
    }
  };

  #onCancel = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.#drag = undefined;
    // a drawing given up (a touch that became a scroll) leaves the previous box
    if (drag.kind !== 'draw' && drag.origin && this.#placement)
      this.#placement = { ...this.#placement, rect: drag.origin };
    this.host.requestUpdate();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const placement = this.#placement;
    if (!placement || event.ctrlKey || event.metaKey) return;
    const size = this.options.sizes()[placement.page - 1];
    if (!size) return;
    const step = event.altKey ? FINE_STEP : STEP;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = arrows[event.key];
    if (delta) {
      const [dx, dy] = delta;
      const rect = event.shiftKey
        ? resizeRect(placement.rect, dx, dy, size)
        : moveRect(placement.rect, dx, dy, size);
      this.#set({ page: placement.page, rect }, 'moved');
    } else if (event.key === 'Enter') {
      this.options.changed('confirmed');
    } else if (event.key === 'Escape' || event.key === 'Delete' || event.key === 'Backspace') {
      this.clear();
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  /** The drawing surfaces, one over each page (pointer only: the keyboard uses `place()`). */
  renderSurfaces(): TemplateResult {
    const count = this.options.sizes().length;
    return html`${Array.from(
      { length: count },
      (_, i) => html`<div class="surface" slot="page-${i + 1}" data-page=${i + 1} aria-hidden="true"
        @pointerdown=${this.#onSurfaceDown} @pointermove=${this.#onMove} @pointerup=${this.#onUp}
        @pointercancel=${this.#onCancel}></div>`,
    )}`;
  }

  /** The box, with its preview; `label` and `describedBy` name it for assistive technology. */
  renderBox(preview: TemplateResult, label: string, describedBy: string): TemplateResult | typeof nothing {
    const placement = this.#placement;
    const size = placement && this.options.sizes()[placement.page - 1];
    if (!placement || !size) return nothing;
    return html`<div class="box placed" part="box" slot="page-${placement.page}" tabindex="0" role="application"
      aria-label=${label} aria-describedby=${describedBy}
      style=${styleMap(cssPercentages(placement.rect, size))}
      @keydown=${this.#onKeyDown} @pointerdown=${(e: PointerEvent) => this.#onBoxDown(e, 'move')}
      @pointermove=${this.#onMove} @pointerup=${this.#onUp} @pointercancel=${this.#onCancel}>
      ${preview}
      <div class="handle" part="handle" aria-hidden="true"
        @pointerdown=${(e: PointerEvent) => this.#onBoxDown(e, 'resize')}></div>
    </div>`;
  }
}
