import { KysoError } from '@kyso/core';
import { describe, expect, it } from 'vitest';
// not the index: it loads Lit, whose Node build installs a customElements shim
import { defineElement } from '../src/define.js';
import { KysoErrorEvent } from '../src/events/kyso-error-event.js';
import { KysoEvent } from '../src/events/kyso-event.js';
import { KysoProgressEvent } from '../src/events/kyso-progress-event.js';
import { KysoSignStartEvent } from '../src/events/kyso-sign-start-event.js';
import { KysoSignedEvent } from '../src/events/kyso-signed-event.js';

describe('events', () => {
  it('bubble and are composed, and may be cancelable', () => {
    const e = new KysoEvent('kyso-sign-start', { field: 'Sig1' }, { cancelable: true });
    expect(e.type).toBe('kyso-sign-start');
    expect([e.bubbles, e.composed, e.cancelable]).toEqual([true, true, true]);
    expect(e.detail.field).toBe('Sig1');
  });

  it('of <sign-pdf>: kyso-sign-start alone is cancelable', () => {
    const start = new KysoSignStartEvent({
      page: 1,
      rect: { x: 1, y: 2, width: 3, height: 4 },
      invisible: false,
      level: 'B-B',
    });
    const progress = new KysoProgressEvent({ stage: 'sign', fraction: 0.35 });
    const signed = new KysoSignedEvent({
      bytes: new Uint8Array([37]),
      fieldName: 'Signature1',
      report: undefined,
    });
    expect([start.type, progress.type, signed.type]).toEqual([
      'kyso-sign-start',
      'kyso-progress',
      'kyso-signed',
    ]);
    for (const e of [start, progress, signed]) expect([e.bubbles, e.composed]).toEqual([true, true]);
    expect([start.cancelable, progress.cancelable, signed.cancelable]).toEqual([true, false, false]);
    start.preventDefault();
    expect(start.defaultPrevented).toBe(true);
  });

  it('kyso-error carries the code and a localised message, never a raw stack', () => {
    const vi = new KysoErrorEvent(new KysoError('PIN_INCORRECT'), 'vi');
    expect(vi.detail).toMatchObject({ code: 'PIN_INCORRECT', message: 'Mã PIN không đúng.' });
    const en = new KysoErrorEvent(new TypeError('x is undefined'), 'en');
    expect(en.detail.code).toBe('INTERNAL');
    expect(en.detail.message).toBe('Internal error: x is undefined');
    expect(en.detail.message).not.toMatch(/\n\s+at /);
  });
});

describe('defineElement', () => {
  it('tolerates a second registration of the same name', () => {
    const map = new Map<string, CustomElementConstructor>();
    const registry = {
      get: (n: string) => map.get(n),
      define: (n: string, c: CustomElementConstructor) => void map.set(n, c),
    };
    class A {}
    class B {}
    const a = A as unknown as CustomElementConstructor;
    expect(defineElement('kyso-x', a, registry)).toBe(a);
    expect(defineElement('kyso-x', B as unknown as CustomElementConstructor, registry)).toBe(a);
    expect(map.size).toBe(1);
  });

  it('explains when custom elements are not available', () => {
    expect(() => defineElement('kyso-y', class {} as unknown as CustomElementConstructor, undefined)).toThrow(
      /not available/,
    );
  });
});
