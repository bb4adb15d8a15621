// FileHandle.readableWebStream(): a byte stream of the file (16 KiB chunks, or a BYOB reader's
// view), the handle locked while it lasts, `autoClose` closing it at the end or on cancel, and
// Node's errors for a locked or closed handle and a bad option (which leaves it locked).
import { open, mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const root = await mkdtemp(path.join(os.tmpdir(), 'moat-webstream-'));
const file = path.join(root, 'data.bin');
await writeFile(file, Buffer.alloc(70000, 'x'));

const fh = await open(file);
const stream = fh.readableWebStream();
console.log(Object.prototype.toString.call(stream));
try { fh.readableWebStream(); } catch (e) { console.log(e.code, e.message); }
const sizes = [];
for await (const chunk of stream) sizes.push(`${chunk.constructor.name}:${chunk.byteLength}`);
console.log(sizes.join(' '));
console.log('open after the end', fh.fd !== -1);
try { fh.readableWebStream(); } catch (e) { console.log('after the end', e.code, e.message); }
await fh.close();
try { fh.readableWebStream(); } catch (e) { console.log(e.code, e.message); }

const fh2 = await open(file);
const reader = fh2.readableWebStream({ autoClose: true }).getReader({ mode: 'byob' });
const { value } = await reader.read(new Uint8Array(10));
console.log('byob', value.byteLength, Buffer.from(value).toString());
await reader.cancel();
console.log('closed by cancel', fh2.fd);

const fh3 = await open(file);
try { fh3.readableWebStream({ autoClose: 'yes' }); } catch (e) { console.log(e.code); }
try { fh3.readableWebStream(); } catch (e) { console.log('after a bad option', e.code); }
await fh3.close();
const fh4 = await open(file);
const text = await new Response(fh4.readableWebStream({ autoClose: true })).text();
console.log('whole', text.length, 'closed at the end', fh4.fd);
// Closing the handle ends its stream; a handle being closed makes none.
const fh5 = await open(file);
const r5 = fh5.readableWebStream().getReader();
console.log('first read', (await r5.read()).value.byteLength);
fh5.close();
await r5.closed;
console.log('after close', JSON.stringify(await r5.read()));
const fh6 = await open(file);
fh6.close();
try { fh6.readableWebStream(); } catch (e) { console.log('closing', e.code, e.message); }
await rm(root, { recursive: true });
