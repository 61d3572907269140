// Preloaded with `node --import` to run a process as if on another day: GAZETTE_FAKE_NOW (an ISO
// instant) becomes "now" for Date.now() and `new Date()`, and the clock runs on from there.
const target = Date.parse(process.env.GAZETTE_FAKE_NOW ?? "");
if (Number.isFinite(target)) {
  const RealDate = Date;
  const shift = target - RealDate.now();
  const now = () => RealDate.now() + shift;
  class FakeDate extends RealDate {
    constructor(...args) {
      super(...(args.length ? args : [now()]));
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = FakeDate;
}
