/**
 * Base of every event kyso's elements dispatch: named `kyso-…`, bubbling and composed, so a page
 * hears it through shadow roots and across framework wrappers.
 */
export class KysoEvent<Detail> extends Event {
  readonly detail: Detail;

  constructor(type: `kyso-${string}`, detail: Detail, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
    this.detail = detail;
  }
}
