for (const l of ['utf-8', 'unicode-1-1-utf-8', 'latin1', 'iso-8859-2', 'windows-1252', 'utf-16be', 'UTF-16LE', ' utf8 ']) {
  try { console.log(JSON.stringify(l), new TextDecoder(l).encoding); } catch (e) { console.log(JSON.stringify(l), e.code); }
}
try { new TextDecoder('klingon'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(new TextDecoder('windows-1252').decode(new Uint8Array([0x80, 0x41])));
