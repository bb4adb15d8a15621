// The hello world of bench/http/hello.js as a WinterTC fetch handler, for `moat serve`.
export default {
  fetch() {
    return new Response('Hello, world!\n', { headers: { 'Content-Type': 'text/plain' } });
  },
};
