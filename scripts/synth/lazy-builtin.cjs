"use strict";
/**
 * Node built-in modules the synth bundle loads only when something uses them (scripts/synth/run.cjs
 * aliases them here). constructs and cdktf require `crypto`, `child_process` and `assert` as they
 * load, for hashes, a terraform version check and checks that pass (lazy/assert.cjs answers those),
 * and node took a tenth of the bundle's start-up to load them (README "Speed").
 *
 * `lazyBuiltin(name)` is a stand-in object that loads the real module on its first use of any kind
 * (a property read, a listing of its keys) and from then on answers exactly as it does.
 */
function lazyBuiltin(name) {
  let real;
  const load = () => (real ??= require(`node:${name}`));
  return new Proxy(
    {},
    {
      get: (_, key) => load()[key],
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        // A proxy may only report a property as its own if it is configurable on the (empty) target.
        return descriptor && { ...descriptor, configurable: true };
      },
      set: (_, key, value) => Reflect.set(load(), key, value),
    },
  );
}

module.exports = { lazyBuiltin };
