// attack: send an HTTP request with fetch to a local server
// denied: TypeError fetch failed ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=127.0.0.1:{canary}
// allowed: TimeoutError
// The canary accepts connections but never answers, so a request that reached it times out.
fetch(`http://127.0.0.1:${process.argv[3]}/secret`, { method: 'POST', body: 'exfiltrated', signal: AbortSignal.timeout(300) })
  .then((res) => console.log('response', res.status))
  .catch((e) => console.log(e.name === 'TypeError' ? `${e.name} ${e.message} ${e.cause.code} ${e.cause.permission}` : e.name));
