console.log(Object.keys(globalThis).join(','));
console.log(typeof globalThis.console, typeof Buffer, typeof URL, typeof TextEncoder, typeof AbortController);
console.log(typeof structuredClone, typeof atob, typeof fetch, typeof performance.now(), typeof navigator);
console.log(global === globalThis, typeof queueMicrotask, typeof setImmediate, typeof DOMException);
