// attack: fetch from a local server by host name, which needs a name lookup first
// denied: TypeError fetch failed ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=localhost:{canary}
// allowed: TimeoutError
fetch(`http://localhost:${process.argv[3]}/`, { signal: AbortSignal.timeout(300) })
  .then((res) => console.log('response', res.status))
  .catch((e) => console.log(e.name === 'TypeError' ? `${e.name} ${e.message} ${e.cause.code} ${e.cause.permission}` : e.name));
