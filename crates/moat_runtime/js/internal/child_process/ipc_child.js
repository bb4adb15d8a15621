'use strict';
// The child's end of a fork's IPC channel: `process.send`, `'message'`, `disconnect`,
// `connected` and `channel` when this process was started with one (NODE_CHANNEL_FD). The
// channel keeps the process alive while it has 'message' or 'disconnect' listeners.

function setup(process, sandboxed) {
  if (!sandboxed && process.env.NODE_CHANNEL_FD === undefined) return;
  const b = internalBinding('child_process');
  const opened = b.openChannel();
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (opened === undefined) return;
  const [handle, fd, advanced] = opened;
  const loop = require('internal/loop');
  const { setupChannel } = require('internal/child_process/ipc');
  setupChannel(process, handle, fd, advanced);
  loop.registerHandle(handle, (event) => {
    if (event[0] === 'data') process._onIpcData(event[3]);
  });
  const listened = () => process.listenerCount('message') + process.listenerCount('disconnect') > 0;
  let refed = true;
  const update = () => {
    if (!process.connected) return;
    const want = listened();
    if (want !== refed) {
      refed = want;
      if (want) loop.refHandle(handle);
      else loop.unrefHandle(handle);
    }
  };
  process.on('newListener', (ev) => { if (ev === 'message' || ev === 'disconnect') process.nextTick(update); });
  process.on('removeListener', (ev) => { if (ev === 'message' || ev === 'disconnect') update(); });
  process._onIpcClosed = () => loop.unregisterHandle(handle);
  update();
}

module.exports = { setup };
