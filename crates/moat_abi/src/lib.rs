//! The `moat` host imports: what the sandbox guest asks of its host beyond WASI preview 1, as
//! both sides see it — import names, error numbers, and the byte format of what crosses.
//! Depends on none of moat's crates; the guest (`moat_runtime` on wasm32-wasip1) and the host
//! (`moat_sandbox`) both build on it.
//!
//! Every import lives in the wasm module `moat`, takes `i32` pointers and lengths into the
//! guest's memory, and returns an error number ([`errno`], WASI's numbering; 0 is success).
//! A call whose answer has a size the guest cannot know ahead stores the answer in the host
//! and returns its length; the guest then copies it out with `take`.
//!
//! | import | parameters | does |
//! |---|---|---|
//! | `proc_run` | `req, req_len, size_out` | Runs a [`Command`] (encoded) to completion, as `spawnSync`; stores its [`Output`] (encoded) and writes that length to `size_out`. Checked against `--allow-child-process`: [`errno::ACCES`] without it. |
//! | `take` | `buf, buf_len` | Copies the stored answer into `buf` and forgets it. [`errno::INVAL`] when nothing is stored, [`errno::TOOBIG`] when `buf_len` is short. |
//! | `proc_spawn` | `req, req_len, handle, pid_out` | Starts a [`Command`] (encoded) under the guest's `handle`; its output and exit arrive as [`Event`]s from `poll`. Writes the pid to `pid_out`. [`errno::ACCES`] without `--allow-child-process`. |
//! | `proc_write` | `handle, fd, data, data_len` | Writes to one of the child's pipes: its stdin (`fd` 0) or a socket pair past 2. |
//! | `proc_close` | `handle, fd` | Closes the parent's end of one of the child's pipes (`fd` 0: its stdin; past 2 it stops reading too). |
//! | `proc_flow` | `handle, fd, paused` | Stops (1) or resumes (0) reading the child's pipe `fd`: a paused pipe fills, and the child writing to it waits. |
//! | `ipc_open` | `handle, mode_out` | Opens the IPC channel this process was started with (its `NODE_CHANNEL_FD`) under `handle`: its bytes arrive from `poll` as [`Event::Data`] for `handle` and the channel's fd, and `proc_write`/`proc_close` reach it with that fd, which is written to `mode_out` with the serialization (`u32` fd, then 0 for `json`, 1 for `advanced`). [`errno::NOENT`] when there is none, [`errno::INVAL`] when called again. |
//! | `proc_kill` | `pid, signal` | Signals a process — only one this instance started ([`errno::PERM`] otherwise; [`errno::SRCH`] once it has exited) or, when the host process runs this one guest alone, the guest itself ([`GUEST_PID`]): a signal it watches (`signal_watch`) arrives from `poll`, another acts on the host process as on any process. [`errno::INVAL`] for a signal number that does not exist (0 to 64 do). |
//! | `poll` | `timeout_ms: i64, size_out` | Waits until an [`Event`] is ready or `timeout_ms` passes (`-1`: no limit), then stores the ready events (encoded, [`encode_events`]) and writes their length to `size_out` (0: none, nothing stored). The guest's event loop waits here, also when it only waits for a timer. |
//!
//! | `dns_lookup` | `name, name_len, size_out` | Resolves a host name (UTF-8) to its addresses; stores them (encoded, [`encode_addresses`]) and writes their length to `size_out`. [`errno::ACCES`] unless `--allow-net` lists the host; [`errno::NOENT`] when the name does not resolve. |
//! | `tcp_connect` | `addr, addr_len, handle` | Starts connecting a TCP socket, known from then on as the guest's `handle`, to an address (`ip:port` or `[ip6]:port`, UTF-8). It does not wait: the connection is up when `poll` reports the socket writable, and failed when it reports an error. [`errno::ACCES`] unless `--allow-net` allows the address (see below). |
//! | `tcp_listen` | `addr, addr_len, backlog, handle` | Binds a TCP socket to a local address and listens, under `handle`. Port 0 picks a free port (`sock_addr` tells which). [`errno::ACCES`] unless `--allow-net` allows the address; [`errno::ADDRINUSE`] when it is taken. |
//! | `tcp_listen_flags` | `addr, addr_len, backlog, flags, handle` | As `tcp_listen`, with [`tcp_flags`] (IPv6 only, `SO_REUSEPORT`). |
//! | `tcp_connect_from` | `addr, addr_len, local, local_len, handle` | As `tcp_connect`, from the local address `local` (`ip:port`, port 0: any), bound first; both checked against `--allow-net`. [`errno::ADDRINUSE`] when `local` is taken. |
//! | `tcp_accept` | `listener, handle` | Takes a waiting connection from a listener (TCP or Unix-domain), as the new socket `handle`. [`errno::AGAIN`] when none waits. |
//! | `unix_connect` | `path, path_len, handle` | Connects a Unix-domain stream socket, known from then on as the guest's `handle`, to the socket file `path` (absolute, UTF-8, at most 4096 bytes), or to a name in Linux's abstract namespace when `path` starts with a NUL byte. Made or refused at once: the OS's error (`NOENT`, `CONNREFUSED` …) is the answer. Checked against `--allow-fs-read` and `--allow-fs-write` where the path really leads (links resolved); an abstract name needs `--allow-net` with no list. [`errno::ACCES`] without them, [`errno::INVAL`] for a path too long for a socket address. |
//! | `unix_listen` | `path, path_len, backlog, handle` | Makes the socket file `path` (as for `unix_connect`) and listens there, under `handle`; closing the listener removes the file. Checked against `--allow-fs-write` where the file would be (its parent's links resolved); an abstract name as for `unix_connect`. [`errno::ADDRINUSE`] when something is there already. |
//! | `udp_bind` | `addr, addr_len, handle` | Binds a UDP socket to a local address, under `handle`. Checked as `tcp_listen`. |
//! | `udp_bind_flags` | `addr, addr_len, flags, handle` | As `udp_bind`, with [`udp_flags`] (`SO_REUSEADDR`, `SO_REUSEPORT`, IPv6 only). |
//! | `udp_connect` | `handle, addr, addr_len` | Connects a UDP socket to an address (checked as `tcp_connect`): datagrams then come only from there, and `sock_send` sends there. An empty `addr` undoes it. |
//! | `udp_option` | `handle, option, value, out` | Sets a [`udp_option`] of a UDP socket to `value` and writes the value it has then to `out` (a little-endian `i32`); a buffer size of 0 or less is only read. [`errno::INVAL`] for a value out of range. |
//! | `udp_multicast` | `handle, op, group, group_len, other, other_len` | A [`udp_multicast`] operation on a UDP socket with two addresses as text (`other` may be empty: the system's interface). Joining a group is checked as `tcp_connect` is for the group's address. [`errno::INVAL`] for addresses that do not parse. |
//! | `dns_query` | `server, server_len, msg, msg_len, local, local_len, handle` | Sends the DNS query `msg` (a standard query with one question and no answer or authority records) to the name server `server` (`ip:port`) from a new UDP socket `handle`, bound to the address `local` (may be empty) and connected to the server; the answer is read with `sock_recv` when `poll` reports the socket readable (a refusing server: [`errno::CONNREFUSED`]), and `sock_close` ends it. [`errno::ACCES`] unless `--allow-net` allows the question's name (for a reverse lookup under `in-addr.arpa` or `ip6.arpa`, its address) and the server is one of the host's own (`/etc/resolv.conf`) or an allowed address. [`errno::INVAL`] for a message that is no such query. |
//! | `dns_lookup_service` | `addr, addr_len, size_out` | Finds the host name and service of a socket address (`ip:port`) with the host's `getnameinfo`, a name required; stores them (UTF-8, joined by a newline) for `take`. Checked as `tcp_connect`. [`errno::NOENT`] when the address has no name, [`errno::AGAIN`] when the resolver cannot answer now, [`errno::IO`] for another failure. |
//! | `dns_servers` | `size_out` | Stores the host's name servers (`/etc/resolv.conf`, encoded as [`encode_addresses`] does, `ip:port` each) for `take`. Needs no grant. |
//! | `net_interfaces` | `size_out` | Stores the addresses of the host's network interfaces (encoded, [`encode_interfaces`]) for `take`, as `os.networkInterfaces()` lists them. [`errno::ACCES`] unless `--allow-net` is given with no list: the host's addresses are facts about its whole network. |
//! | `tls_system_store` | `size_out` | Stores the certificates (their PEM blocks, nothing else) of the host's store of trusted root certificates for `take`: those of the first of `/etc/ssl/certs/ca-certificates.crt`, `/etc/pki/tls/certs/ca-bundle.crt` and `/etc/ssl/cert.pem` that it can read; writes 0 to `size_out` (nothing stored) when there is none. `SSL_CERT_FILE` and `SSL_CERT_DIR` are not looked at: a guest may choose the environment of a child's host. Needs no grant: the guest cannot choose the file, and Node's OpenSSL reads the store whatever `--permission` says. |
//! | `sock_send` | `handle, buf, len, n_out` | Writes bytes to a connected socket; writes how many went to `n_out`. [`errno::AGAIN`] when none can go now. |
//! | `sock_recv` | `handle, buf, len, n_out` | Reads into `buf`; writes how many came to `n_out`, 0 at the end of the stream. [`errno::AGAIN`] when none are waiting. |
//! | `udp_send_to` | `handle, buf, len, addr, addr_len, n_out` | Sends a datagram to an address, checked as `tcp_connect`. |
//! | `udp_recv_from` | `handle, buf, len, n_out, size_out` | Reads one datagram into `buf` (the rest of a longer one is lost); stores the sender's address (UTF-8) for `take` and writes its length to `size_out`. |
//! | `sock_addr` | `handle, peer, size_out` | Stores the socket's local address (`peer` 0) or its peer's (1) for `take`. [`errno::INVAL`] for a Unix-domain socket. |
//! | `sock_option` | `handle, option, value` | Sets [`sock_option::NODELAY`], [`sock_option::KEEPALIVE`] or [`sock_option::LINGER_RESET`] (`value` 0 or 1). |
//! | `sock_tos` | `handle, value, out` | Sets a TCP socket's type of service (`IP_TOS`, or `IPV6_TCLASS` for IPv6) to `value` (0 to 255; -1 leaves it) and writes the value it has then to `out` (a little-endian `i32`). |
//! | `sock_watch` | `handle, interest` | Says which readiness `poll` should report for the socket ([`interest`] bits; 0 for none). Readiness is level-triggered: a socket reported readable stays so until a read or accept answers [`errno::AGAIN`], and likewise for writable and a write. |
//! | `sock_shutdown` | `handle, how` | Shuts the socket down for reading (0), writing (1) or both (2). |
//! | `sock_close` | `handle` | Closes the socket and forgets the handle. |
//! | `proc_get_priority` | `pid, out` | Writes the scheduling priority (nice value, -20 to 19) of `pid` to `out` (a little-endian `i32`): the guest itself ([`GUEST_PID`] or 0, the host process it runs in) or a process it started; [`errno::PERM`] for another, [`errno::SRCH`] for one that has exited. |
//! | `proc_set_priority` | `pid, priority` | Sets the priority of a process this instance started, or of the guest itself when the host process runs this one guest alone (the host process's; [`errno::PERM`] in a host shared with other instances). The host's own error where the system refuses (`EACCES` raising it without privileges). |
//! | `sys_read` | `which, size_out` | Reads the machine's fact file [`MACHINE_FILES`]`[which]` (uptime, load, memory, CPUs, host name, kernel: what `node:os` reports), stores its text for `take` and writes its length to `size_out`. Needs no grant: these files say nothing of the user's data. [`errno::INVAL`] for another `which`. |
//! | `sys_user` | `size_out` | Stores the host process's account ([`encode_account`]: its real and effective user and group ids and, where the user database has it, the name, home directory, shell and group) for `take` and writes its length to `size_out`. Needs no grant: it is who the guest's file calls act as. |
//! | `signal_watch` | `signal, handle` | Delivers the signal, when the host process receives it, as an [`Event::Signal`] under `handle` instead of its default action (which would end the host). [`errno::INVAL`] for `SIGSEGV`, `SIGBUS`, `SIGFPE`, `SIGILL` (the host's traps), `SIGKILL`, `SIGSTOP` and unknown numbers. |
//! | `signal_unwatch` | `signal` | Gives the signal its default action back. |
//! | `stdin_read` | `handle` | Starts reading the host process's standard input: its chunks arrive from `poll` as [`Event::Data`] for `handle` and fd 0, an empty one at the end. [`errno::INVAL`] when called again. Needs no grant: the guest has the same input as WASI's fd 0. |
//! | `loop_idle` | `out` | Writes to `out` (a little-endian `u64`) the nanoseconds the guest has spent waiting in `poll` so far: its event loop's idle time. Needs no grant. |
//! | `tty_info` | `fd, out` | Tells whether the host process's descriptor `fd` (0, 1 or 2, which the guest inherits) is a terminal, and its size: writes three `u32` to `out`, 1 or 0, then its columns and rows (0 when unknown). [`errno::BADF`] for another descriptor, or when the guest's standard streams are not the host's. Needs no grant. |
//! | `tty_set_mode` | `fd, mode` | Sets the terminal mode of stdin (`fd` 0 only): [`tty_mode::RAW`] or [`tty_mode::NORMAL`] (as it was before). The host puts the first mode back when the run ends. [`errno::BADF`] for another descriptor or a stdin that is not the host's, [`errno::NOTTY`] when it is no terminal. |
//! | `fs_symlink` | `target, target_len, path, path_len` | Makes the symbolic link `path` (absolute, UTF-8) with the content `target` (as written). Checked against `--allow-fs-write` where the link itself really is (its parent's links resolved); the content is text, and whoever follows the link is checked where it leads. [`errno::ACCES`] outside the grant. |
//! | `fs_readlink` | `path, path_len, buf, buf_len, n_out` | Writes the content of the symbolic link `path` to `buf` and its length to `n_out` (a little-endian `u32`); [`errno::TOOBIG`] when `buf_len` is short. WASI's own `path_readlink` refuses a link whose content is absolute. Checked against `--allow-fs-read` where the link itself really is. |
//! | `fs_chmod` | `path, path_len, mode` | Sets the permission bits (`mode & 0o7777`) of `path` (links followed). Checked against `--allow-fs-write` where it really is. |
//! | `fs_chown` | `path, path_len, uid, gid, follow` | Sets the owners of `path`; with `follow` 0, of a final link itself. Checked against `--allow-fs-write`. |
//! | `fs_stat` | `path, path_len, follow, out` | Writes fourteen little-endian `u64` to `out` ([`STAT_FIELDS`]), what WASI's `filestat` lacks included: device, inode, mode (type and permission bits), links, owner, group, special device, size, block size, blocks, then the access, modification, change and birth times in nanoseconds since the epoch (two's complement; 0 when the file system keeps no birth time). With `follow` 0, of a final link itself. Checked against `--allow-fs-read` where the file really is. |
//! | `fs_statfs` | `path, path_len, out` | Writes seven little-endian `u64` to `out`: the file system's type, block size, blocks, free blocks, blocks free to the unprivileged, files, free files. Checked against `--allow-fs-read`. |
//! | `fs_watch` | `path, path_len, recursive, handle` | Watches the file or directory `path` (links followed; with `recursive` 1, every directory beneath it too, links not followed): its changes arrive from `poll` as [`Event::FsChange`] under `handle` until `fs_unwatch`. Checked against `--allow-fs-read` where it really is: [`errno::ACCES`] outside it, before any error about the path. [`errno::INVAL`] for a handle already watching. |
//! | `fs_unwatch` | `handle` | Ends the watch under `handle` (nothing when there is none). |
//! | `fs_readdir` | `path, path_len, size_out` | Lists the directory `path` (links followed): stores its entries but `.` and `..`, sorted by name (byte order), encoded ([`encode_dir_entry`]) for `take`, and writes their length to `size_out` (0: an empty directory, nothing stored). Each entry's type is the directory's own (`d_type`), asked of the entry itself (not following a link) where the file system does not say. Checked against `--allow-fs-read` where the directory really is, links resolved: [`errno::ACCES`] outside it, before any error about the path; opened refusing links, so one put in the way after the check fails the call. [`errno::TOOBIG`] past 256 MiB of entries. |
//! | `worker_spawn` | `config, config_len, init, init_len, handle, flags, id_out` | Starts a worker thread: a fresh instance of this guest on a host thread of its own, with this instance's grants, preopens, environment and limits, that runs the record `config` (a `GuestConfig` as JSON). Its messages and, when its run ends, its exit arrive from `poll` as [`Event::Message`] and [`Event::Exit`] under `handle`. Writes its thread id (unique in the host process) to `id_out` (a little-endian `u32`). [`errno::ACCES`] without `--allow-worker`, except for one worker per instance whose `flags` have [`worker_flags::INTERNAL`] (the runtime's own thread for module hooks, which can do no more than the instance itself); [`errno::INVAL`] for other flags. Each worker has the memory limit of its own. |
//! | `worker_post` | `handle, data, data_len` | Queues a message for the worker under `handle` (it arrives there as an [`Event::Message`] under handle 0). [`errno::SRCH`] once it has ended. |
//! | `worker_stop` | `handle` | Stops the worker: its next `worker_stopping` answers 1 and a wait of its in `poll` ends. |
//! | `worker_self` | `id_out, size_out` | In a worker: writes its thread id to `id_out` and the length of the data it was started with to `size_out`, stored for `take` (the first call only; 0 after). [`errno::NOENT`] in an instance that is no worker. |
//! | `worker_post_parent` | `data, data_len` | In a worker: queues a message for the instance that started it. [`errno::NOENT`] in an instance that is no worker. |
//! | `worker_stopping` | — | 1 when this worker is being stopped (`worker_stop`), else 0. |
//! | `port_open` | `id_out` | Makes a channel whose two ends (0 and 1) may be in different instances of this host (a `MessagePort` moved to a worker), and writes its id to `id_out` (a little-endian `u64`). |
//! | `port_attach` | `id, side, handle` | Attaches end `side` of the channel to this instance: messages posted at the other end arrive from `poll` as [`Event::Message`] under `handle`, those that waited for it first; `[0xff]` says the channel was closed. [`errno::NOENT`] once it is closed. |
//! | `port_detach` | `id, side` | Detaches end `side` (it is moving to another instance); messages for it wait. |
//! | `port_post` | `id, side, data, data_len` | Posts a message from end `side` to the other end. [`errno::NOENT`] once the channel is closed. |
//! | `port_close` | `id, side` | Closes the channel; the other end, if attached, gets `[0xff]`. |
//! | `process_exit` | `code` | Ends the run with exit code `code & 0xff`, as `process.exit` does (WASI's `proc_exit` takes only 0 to 125). Does not return. A host that runs one guest per process ends the process there. |
//!
//! Paths of the `fs_*` imports are at most 4096 bytes ([`errno::NAMETOOLONG`] past it, as Linux's `PATH_MAX`) and absolute ([`errno::INVAL`] otherwise); their errors are WASI's numbers for the host's ([`errno::from_fs_io`]).
//!
//! `poll` reports socket readiness as [`Event::Ready`], alongside the children's events.
//!
//! **Lengths.** A range the guest names must lie in its memory ([`errno::FAULT`] otherwise);
//! the host checks that before it allocates anything. Socket reads and writes and a child's
//! stdin use the guest's bytes in place. What the host copies is capped: a host name at 1 KiB,
//! a socket address at 256 bytes, a [`Command`] at 64 MiB ([`errno::TOOBIG`] past these). Output
//! read for the guest (children's, stdin's) waits in the host up to 16 MiB; past that the readers
//! wait for `poll` to hand it over.
//!
//! **Which addresses `--allow-net` allows.** A grant entry `host` allows every port of that
//! host, `host:port` only that port. An address is allowed when an entry names its IP, or names
//! a host the same instance looked up with `dns_lookup` and got that IP for, or is `localhost`
//! and the address is a loopback one. Listening on every interface (`0.0.0.0`, `::`) needs an
//! entry for that address, or `--allow-net` with no list.

/// The wasm module the imports live in.
pub const MODULE: &str = "moat";

pub mod serve;

/// The process id the guest sees as its own (its `process.pid`).
pub const GUEST_PID: i32 = 1;

/// Import names.
pub mod names {
    pub const PROC_RUN: &str = "proc_run";
    pub const TAKE: &str = "take";
    pub const PROC_SPAWN: &str = "proc_spawn";
    pub const PROC_EXEC: &str = "proc_exec";
    pub const PROC_WRITE: &str = "proc_write";
    pub const PROC_CLOSE: &str = "proc_close";
    pub const PROC_FLOW: &str = "proc_flow";
    pub const IPC_OPEN: &str = "ipc_open";
    pub const PROC_KILL: &str = "proc_kill";
    pub const SYS_READ: &str = "sys_read";
    pub const SYS_USER: &str = "sys_user";
    pub const PROC_GET_PRIORITY: &str = "proc_get_priority";
    pub const PROC_SET_PRIORITY: &str = "proc_set_priority";
    pub const POLL: &str = "poll";
    pub const DNS_LOOKUP: &str = "dns_lookup";
    pub const TCP_CONNECT: &str = "tcp_connect";
    pub const TCP_LISTEN: &str = "tcp_listen";
    pub const TCP_LISTEN_FLAGS: &str = "tcp_listen_flags";
    pub const TCP_CONNECT_FROM: &str = "tcp_connect_from";
    pub const TCP_ACCEPT: &str = "tcp_accept";
    pub const UNIX_CONNECT: &str = "unix_connect";
    pub const UNIX_LISTEN: &str = "unix_listen";
    pub const UDP_BIND: &str = "udp_bind";
    pub const SOCK_SEND: &str = "sock_send";
    pub const SOCK_RECV: &str = "sock_recv";
    pub const UDP_SEND_TO: &str = "udp_send_to";
    pub const UDP_RECV_FROM: &str = "udp_recv_from";
    pub const UDP_BIND_FLAGS: &str = "udp_bind_flags";
    pub const UDP_CONNECT: &str = "udp_connect";
    pub const UDP_OPTION: &str = "udp_option";
    pub const UDP_MULTICAST: &str = "udp_multicast";
    pub const DNS_QUERY: &str = "dns_query";
    pub const DNS_SERVERS: &str = "dns_servers";
    pub const DNS_LOOKUP_SERVICE: &str = "dns_lookup_service";
    pub const NET_INTERFACES: &str = "net_interfaces";
    pub const TLS_SYSTEM_STORE: &str = "tls_system_store";
    pub const SOCK_ADDR: &str = "sock_addr";
    pub const SOCK_OPTION: &str = "sock_option";
    pub const SOCK_TOS: &str = "sock_tos";
    pub const SOCK_WATCH: &str = "sock_watch";
    pub const SOCK_SHUTDOWN: &str = "sock_shutdown";
    pub const SOCK_CLOSE: &str = "sock_close";
    pub const SIGNAL_WATCH: &str = "signal_watch";
    pub const SIGNAL_UNWATCH: &str = "signal_unwatch";
    pub const PROCESS_EXIT: &str = "process_exit";
    pub const STDIN_READ: &str = "stdin_read";
    pub const TTY_INFO: &str = "tty_info";
    pub const LOOP_IDLE: &str = "loop_idle";
    pub const TTY_SET_MODE: &str = "tty_set_mode";
    pub const WORKER_SPAWN: &str = "worker_spawn";
    pub const WORKER_POST: &str = "worker_post";
    pub const WORKER_STOP: &str = "worker_stop";
    pub const WORKER_SELF: &str = "worker_self";
    pub const WORKER_POST_PARENT: &str = "worker_post_parent";
    pub const WORKER_STOPPING: &str = "worker_stopping";
    pub const PORT_OPEN: &str = "port_open";
    pub const PORT_ATTACH: &str = "port_attach";
    pub const PORT_DETACH: &str = "port_detach";
    pub const PORT_POST: &str = "port_post";
    pub const PORT_CLOSE: &str = "port_close";
    pub const FS_SYMLINK: &str = "fs_symlink";
    pub const FS_READLINK: &str = "fs_readlink";
    pub const FS_CHMOD: &str = "fs_chmod";
    pub const FS_CHOWN: &str = "fs_chown";
    pub const FS_STAT: &str = "fs_stat";
    pub const FS_WATCH: &str = "fs_watch";
    pub const FS_UNWATCH: &str = "fs_unwatch";
    pub const FS_STATFS: &str = "fs_statfs";
    pub const FS_READDIR: &str = "fs_readdir";
}

/// The files of facts about the machine `sys_read` reads, by index.
pub const MACHINE_FILES: &[&str] = &[
    "/proc/uptime",
    "/proc/loadavg",
    "/proc/meminfo",
    "/proc/cpuinfo",
    "/proc/stat",
    "/proc/sys/kernel/hostname",
    "/proc/sys/kernel/osrelease",
    "/proc/sys/kernel/version",
];

/// How many `u64` `fs_stat` writes.
pub const STAT_FIELDS: usize = 14;

/// `worker_spawn`'s flags.
pub mod worker_flags {
    /// The runtime's own worker (the module customization hooks' thread): one per instance
    /// needs no `--allow-worker`, as it runs with the instance's grants and no more.
    pub const INTERNAL: u32 = 1;
}

/// `tty_set_mode`'s modes.
pub mod tty_mode {
    /// The mode the terminal had before the guest changed it.
    pub const NORMAL: i32 = 0;
    /// Raw: input byte by byte, unechoed, with no signal keys.
    pub const RAW: i32 = 1;
}

/// `tcp_listen_flags`'s flags.
pub mod tcp_flags {
    /// An IPv6 listener takes IPv6 connections only (else IPv4 too).
    pub const IPV6_ONLY: u32 = 2;
    /// `SO_REUSEPORT` (Linux): listeners bound to one address and port share its connections.
    pub const REUSE_PORT: u32 = 4;
}

/// `udp_bind_flags`'s flags.
pub mod udp_flags {
    /// `SO_REUSEADDR`.
    pub const REUSE_ADDR: u32 = 1;
    /// An IPv6 socket takes IPv6 only (else IPv4 too).
    pub const IPV6_ONLY: u32 = 2;
    /// `SO_REUSEPORT` (Linux): sockets bound to one address and port share its datagrams.
    pub const REUSE_PORT: u32 = 4;
}

/// `udp_option`'s options.
pub mod udp_option {
    /// `SO_BROADCAST` (0 or 1).
    pub const BROADCAST: i32 = 1;
    /// The unicast TTL or hop limit, 1 to 255.
    pub const TTL: i32 = 2;
    /// The multicast TTL or hop limit, 0 to 255.
    pub const MULTICAST_TTL: i32 = 3;
    /// Whether multicast datagrams loop back (0 or 1).
    pub const MULTICAST_LOOP: i32 = 4;
    /// `SO_RCVBUF`.
    pub const RECV_BUFFER: i32 = 5;
    /// `SO_SNDBUF`.
    pub const SEND_BUFFER: i32 = 6;
}

/// `udp_multicast`'s operations.
pub mod udp_multicast {
    /// Joins the group on an interface.
    pub const ADD: i32 = 0;
    /// Leaves the group on an interface.
    pub const DROP: i32 = 1;
    /// Joins the group for one source (IPv4).
    pub const ADD_SOURCE: i32 = 2;
    /// Leaves the group for one source (IPv4).
    pub const DROP_SOURCE: i32 = 3;
    /// Chooses the interface for outgoing multicast (`group` names it; `other` is unused).
    pub const INTERFACE: i32 = 4;
}

/// `sock_option`'s options.
pub mod sock_option {
    /// `TCP_NODELAY`.
    pub const NODELAY: i32 = 1;
    /// `SO_KEEPALIVE`.
    pub const KEEPALIVE: i32 = 2;
    /// `SO_LINGER` with a zero timeout when on (the close then resets the connection), off when off.
    pub const LINGER_RESET: i32 = 3;
}

/// `sock_watch`'s interest bits, which are also [`Event::Ready`]'s readiness bits.
pub mod interest {
    pub const READABLE: u8 = 1;
    pub const WRITABLE: u8 = 2;
    /// Only in events: the peer closed its side, or the socket failed (read or write to
    /// learn how).
    pub const CLOSED: u8 = 4;
}

/// Error numbers (WASI preview 1's), returned by every import.
pub mod errno {
    pub const SUCCESS: i32 = 0;
    pub const TOOBIG: i32 = 1;
    pub const ACCES: i32 = 2;
    pub const ADDRINUSE: i32 = 3;
    pub const ADDRNOTAVAIL: i32 = 4;
    pub const AGAIN: i32 = 6;
    pub const BADF: i32 = 8;
    pub const CONNABORTED: i32 = 13;
    pub const CONNREFUSED: i32 = 14;
    pub const CONNRESET: i32 = 15;
    pub const EXIST: i32 = 20;
    pub const FAULT: i32 = 21;
    pub const HOSTUNREACH: i32 = 23;
    pub const INVAL: i32 = 28;
    pub const IO: i32 = 29;
    pub const NAMETOOLONG: i32 = 37;
    pub const NETUNREACH: i32 = 40;
    pub const NOENT: i32 = 44;
    pub const NOSYS: i32 = 52;
    pub const NOTCONN: i32 = 53;
    pub const NOTTY: i32 = 59;
    pub const PERM: i32 = 63;
    pub const PIPE: i32 = 64;
    pub const SRCH: i32 = 71;
    pub const TIMEDOUT: i32 = 73;

    /// The number for a host file-system error: Linux's numbers mapped to WASI's.
    pub fn from_fs_io(e: &std::io::Error) -> i32 {
        match e.raw_os_error() {
            Some(1) => PERM,
            Some(2) => NOENT,
            Some(9) => BADF,
            Some(13) => ACCES,
            Some(17) => EXIST,
            Some(18) => 75,
            Some(20) => 54,
            Some(21) => 31,
            Some(22) => INVAL,
            Some(28) => 51,
            Some(30) => 69,
            Some(36) => NAMETOOLONG,
            Some(38) => NOSYS,
            Some(39) => 55,
            Some(40) => 32,
            Some(95) => 58,
            _ => from_io(e),
        }
    }

    /// The number for a host OS error.
    pub fn from_io(e: &std::io::Error) -> i32 {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => NOENT,
            K::PermissionDenied => ACCES,
            K::ConnectionRefused => CONNREFUSED,
            K::ConnectionReset => CONNRESET,
            K::ConnectionAborted => CONNABORTED,
            K::NotConnected => NOTCONN,
            K::AddrInUse => ADDRINUSE,
            K::AddrNotAvailable => ADDRNOTAVAIL,
            K::BrokenPipe => PIPE,
            K::AlreadyExists => EXIST,
            K::WouldBlock => AGAIN,
            K::InvalidInput => INVAL,
            K::TimedOut => TIMEDOUT,
            K::HostUnreachable => HOSTUNREACH,
            K::NetworkUnreachable => NETUNREACH,
            _ => IO,
        }
    }
}

/// What to do with one of a child's descriptors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stdio {
    /// A pipe to the parent; past fd 2 a socket pair, readable and writable at both ends.
    Pipe,
    /// The parent's own descriptor of the same number.
    Inherit,
    Ignore,
    /// The parent's descriptor of this number (native only; in the sandbox only 0 to 2).
    Fd(i32),
    /// A socket pair, readable and writable at both ends, also for fds 0 to 2 (an IPC channel).
    Socket,
}

/// A command to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub file: String,
    pub args: Vec<String>,
    pub cwd: Option<String>,
    /// The child's whole environment; `None` inherits the parent's.
    pub env: Option<Vec<(String, String)>>,
    /// One entry per child descriptor from 0 (missing ones of 0 to 2 are pipes).
    pub stdio: Vec<Stdio>,
    /// The child's `argv[0]`, when not `file`.
    pub argv0: Option<String>,
    /// The child leads a new session (`setsid`).
    pub detached: bool,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    /// `spawnSync`: most bytes kept of stdout and of stderr; past it the child is killed.
    pub max_buffer: Option<u64>,
    /// Bytes written to the child's stdin before it is closed (`spawnSync`).
    pub input: Option<Vec<u8>>,
    /// Milliseconds before the child is killed (`spawnSync`).
    pub timeout_ms: Option<u64>,
    pub kill_signal: i32,
}

/// How a command run to completion ended, and what it wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub pid: u32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub timed_out: bool,
    /// Output passed `max_buffer` and the child was killed.
    pub overflowed: bool,
}

/// Something that happened to a running child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Bytes read from a child's stdout (fd 1) or stderr (fd 2), or from the process's own
    /// stdin (fd 0, `stdin_read`); an empty chunk means end.
    Data {
        handle: u32,
        fd: i32,
        bytes: Vec<u8>,
    },
    /// A child exited with a code, or was ended by a signal (its number).
    Exit {
        handle: u32,
        code: Option<i32>,
        signal: Option<i32>,
    },
    /// Waiting for the child failed with this OS error number.
    Error { handle: u32, os_error: i32 },
    /// A watched socket is ready ([`interest`] bits).
    Ready { handle: u32, readiness: u8 },
    /// A watched signal arrived (`signal_watch`).
    Signal { handle: u32, signal: i32 },
    /// A message between a worker and the thread that started it: from the worker under the
    /// handle its parent gave it, to the worker under handle 0 (empty: only a wake-up).
    Message { handle: u32, bytes: Vec<u8> },
    /// A watched file or directory changed (`fs_watch`): `rename` for a creation, removal or
    /// move, else a change of contents or attributes; `name` is the entry's path relative to
    /// the watched directory (a watched file's own name).
    FsChange {
        handle: u32,
        rename: bool,
        name: Vec<u8>,
    },
}

/// Bytes that do not decode as what they should be.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("malformed {0} in a moat host call")]
pub struct DecodeError(&'static str);

/// The byte format: little-endian `u32` lengths and numbers, a tag byte before each option.
struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn i32(&mut self, v: i32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn opt<T>(&mut self, v: &Option<T>, put: impl FnOnce(&mut Self, &T)) {
        match v {
            None => self.0.push(0),
            Some(x) => {
                self.0.push(1);
                put(self, x);
            }
        }
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if self.buf.len() < n {
            return Err(DecodeError(self.what));
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn i32(&mut self) -> Result<i32, DecodeError> {
        Ok(i32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, DecodeError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn bytes(&mut self) -> Result<Vec<u8>, DecodeError> {
        let n = self.u32()? as usize;
        Ok(self.take(n)?.to_vec())
    }
    fn str(&mut self) -> Result<String, DecodeError> {
        String::from_utf8(self.bytes()?).map_err(|_| DecodeError(self.what))
    }
    fn opt<T>(
        &mut self,
        get: impl FnOnce(&mut Self) -> Result<T, DecodeError>,
    ) -> Result<Option<T>, DecodeError> {
        match self.u8()? {
            0 => Ok(None),
            1 => get(self).map(Some),
            _ => Err(DecodeError(self.what)),
        }
    }
    fn end(self) -> Result<(), DecodeError> {
        if self.buf.is_empty() {
            Ok(())
        } else {
            Err(DecodeError(self.what))
        }
    }
}

impl Command {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.str(&self.file);
        w.u32(self.args.len() as u32);
        for a in &self.args {
            w.str(a);
        }
        w.opt(&self.cwd, |w, c| w.str(c));
        w.opt(&self.env, |w, env| {
            w.u32(env.len() as u32);
            for (k, v) in env {
                w.str(k);
                w.str(v);
            }
        });
        w.u32(self.stdio.len() as u32);
        for s in &self.stdio {
            match s {
                Stdio::Pipe => w.0.push(0),
                Stdio::Inherit => w.0.push(1),
                Stdio::Ignore => w.0.push(2),
                Stdio::Fd(fd) => {
                    w.0.push(3);
                    w.i32(*fd);
                }
                Stdio::Socket => w.0.push(4),
            }
        }
        w.opt(&self.argv0, |w, a| w.str(a));
        w.0.push(u8::from(self.detached));
        w.opt(&self.uid, |w, u| w.u32(*u));
        w.opt(&self.gid, |w, g| w.u32(*g));
        w.opt(&self.max_buffer, |w, m| w.u64(*m));
        w.opt(&self.input, |w, i| w.bytes(i));
        w.opt(&self.timeout_ms, |w, t| w.u64(*t));
        w.i32(self.kill_signal);
        w.0
    }

    /// # Errors
    /// [`DecodeError`] for bytes [`Command::encode`] did not write.
    pub fn decode(buf: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader {
            buf,
            what: "command",
        };
        let file = r.str()?;
        let args = (0..r.u32()?).map(|_| r.str()).collect::<Result<_, _>>()?;
        let cwd = r.opt(Reader::str)?;
        let env = r.opt(|r| {
            (0..r.u32()?)
                .map(|_| Ok((r.str()?, r.str()?)))
                .collect::<Result<Vec<_>, _>>()
        })?;
        let n = r.u32()?;
        if n as usize > r.buf.len() {
            return Err(DecodeError("command"));
        }
        let mut stdio = Vec::with_capacity(n as usize);
        for _ in 0..n {
            stdio.push(match r.u8()? {
                0 => Stdio::Pipe,
                1 => Stdio::Inherit,
                2 => Stdio::Ignore,
                3 => Stdio::Fd(r.i32()?),
                4 => Stdio::Socket,
                _ => return Err(DecodeError("command")),
            });
        }
        let argv0 = r.opt(Reader::str)?;
        let detached = r.u8()? != 0;
        let uid = r.opt(Reader::u32)?;
        let gid = r.opt(Reader::u32)?;
        let max_buffer = r.opt(Reader::u64)?;
        let input = r.opt(Reader::bytes)?;
        let timeout_ms = r.opt(Reader::u64)?;
        let kill_signal = r.i32()?;
        r.end()?;
        Ok(Command {
            file,
            args,
            cwd,
            env,
            stdio,
            argv0,
            detached,
            uid,
            gid,
            max_buffer,
            input,
            timeout_ms,
            kill_signal,
        })
    }
}

impl Output {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.u32(self.pid);
        w.bytes(&self.stdout);
        w.bytes(&self.stderr);
        w.opt(&self.code, |w, c| w.i32(*c));
        w.opt(&self.signal, |w, s| w.i32(*s));
        w.0.push(u8::from(self.timed_out));
        w.0.push(u8::from(self.overflowed));
        w.0
    }

    /// # Errors
    /// [`DecodeError`] for bytes [`Output::encode`] did not write.
    pub fn decode(buf: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader {
            buf,
            what: "process output",
        };
        let out = Output {
            pid: r.u32()?,
            stdout: r.bytes()?,
            stderr: r.bytes()?,
            code: r.opt(Reader::i32)?,
            signal: r.opt(Reader::i32)?,
            timed_out: r.u8()? != 0,
            overflowed: r.u8()? != 0,
        };
        r.end()?;
        Ok(out)
    }
}

/// Encodes addresses for `dns_lookup`'s answer: each as text (`127.0.0.1`, `::1`).
pub fn encode_addresses(addresses: &[String]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.u32(addresses.len() as u32);
    for a in addresses {
        w.str(a);
    }
    w.0
}

/// # Errors
/// [`DecodeError`] for bytes [`encode_addresses`] did not write.
pub fn decode_addresses(buf: &[u8]) -> Result<Vec<String>, DecodeError> {
    let mut r = Reader {
        buf,
        what: "addresses",
    };
    let out = (0..r.u32()?).map(|_| r.str()).collect::<Result<_, _>>()?;
    r.end()?;
    Ok(out)
}

/// One address of one of the host's network interfaces (`net_interfaces`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interface {
    /// The interface's name (`lo`, `eth0`).
    pub name: String,
    pub address: std::net::IpAddr,
    pub netmask: std::net::IpAddr,
    /// The netmask's length in bits.
    pub prefix_len: u8,
    /// The hardware address, `00:00:00:00:00:00` when it has none.
    pub mac: String,
    /// A loopback interface.
    pub internal: bool,
    /// The IPv6 scope (the interface's index for a link-local address), 0 otherwise.
    pub scope_id: u32,
}

/// Encodes interface addresses for `net_interfaces`' answer: the addresses as text.
pub fn encode_interfaces(list: &[Interface]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.u32(list.len() as u32);
    for i in list {
        w.str(&i.name);
        w.str(&i.address.to_string());
        w.str(&i.netmask.to_string());
        w.0.push(i.prefix_len);
        w.str(&i.mac);
        w.0.push(u8::from(i.internal));
        w.u32(i.scope_id);
    }
    w.0
}

/// # Errors
/// [`DecodeError`] for bytes [`encode_interfaces`] did not write.
pub fn decode_interfaces(buf: &[u8]) -> Result<Vec<Interface>, DecodeError> {
    let mut r = Reader {
        buf,
        what: "interfaces",
    };
    let ip = |r: &mut Reader<'_>| -> Result<std::net::IpAddr, DecodeError> {
        r.str()?.parse().map_err(|_| DecodeError("interfaces"))
    };
    let out = (0..r.u32()?)
        .map(|_| {
            Ok(Interface {
                name: r.str()?,
                address: ip(&mut r)?,
                netmask: ip(&mut r)?,
                prefix_len: r.u8()?,
                mac: r.str()?,
                internal: r.u8()? != 0,
                scope_id: r.u32()?,
            })
        })
        .collect::<Result<_, DecodeError>>()?;
    r.end()?;
    Ok(out)
}

/// The account a process runs as (`sys_user`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Account {
    pub uid: u32,
    pub euid: u32,
    pub gid: u32,
    pub egid: u32,
    /// From the user database, when it has the user.
    pub name: Option<String>,
    pub home: Option<String>,
    pub shell: Option<String>,
    /// The user's group in the user database (`os.userInfo().gid`), which the process's own
    /// may differ from.
    pub user_gid: Option<u32>,
}

pub fn encode_account(a: &Account) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    for id in [a.uid, a.euid, a.gid, a.egid] {
        w.u32(id);
    }
    for text in [&a.name, &a.home, &a.shell] {
        w.0.push(u8::from(text.is_some()));
        w.str(text.as_deref().unwrap_or(""));
    }
    w.opt(&a.user_gid, |w, g| w.u32(*g));
    w.0
}

/// # Errors
/// [`DecodeError`] for bytes [`encode_account`] did not write.
pub fn decode_account(buf: &[u8]) -> Result<Account, DecodeError> {
    let mut r = Reader {
        buf,
        what: "account",
    };
    let (uid, euid, gid, egid) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?);
    let text = |r: &mut Reader<'_>| -> Result<Option<String>, DecodeError> {
        let present = r.u8()? != 0;
        let s = r.str()?;
        Ok(present.then_some(s))
    };
    let account = Account {
        uid,
        euid,
        gid,
        egid,
        name: text(&mut r)?,
        home: text(&mut r)?,
        shell: text(&mut r)?,
        user_gid: r.opt(Reader::u32)?,
    };
    r.end()?;
    Ok(account)
}

/// Linux's directory entry types (`d_type`), as `fs_readdir` answers them: each is the file
/// type's bits of `st_mode` shifted right by 12.
pub mod dir_type {
    pub const UNKNOWN: u8 = 0;
    pub const FIFO: u8 = 1;
    pub const CHAR_DEVICE: u8 = 2;
    pub const DIRECTORY: u8 = 4;
    pub const BLOCK_DEVICE: u8 = 6;
    pub const FILE: u8 = 8;
    pub const SYMLINK: u8 = 10;
    pub const SOCKET: u8 = 12;
}

/// Appends one entry of `fs_readdir`'s answer to `out`: its [`dir_type`] byte, then its name's
/// bytes (as the file system has them) with a `u32` length first. The answer is these entries
/// one after another.
pub fn encode_dir_entry(out: &mut Vec<u8>, name: &[u8], kind: u8) {
    out.push(kind);
    out.extend_from_slice(&(name.len() as u32).to_le_bytes());
    out.extend_from_slice(name);
}

/// The names and [`dir_type`]s of `fs_readdir`'s answer; a name that is not UTF-8 has its
/// stray bytes replaced (U+FFFD).
///
/// # Errors
/// [`DecodeError`] for bytes [`encode_dir_entry`] did not write.
pub fn decode_dir_entries(buf: &[u8]) -> Result<Vec<(String, u8)>, DecodeError> {
    let mut r = Reader {
        buf,
        what: "directory entries",
    };
    let mut out = Vec::new();
    while !r.buf.is_empty() {
        let kind = r.u8()?;
        let n = r.u32()? as usize;
        let name = String::from_utf8_lossy(r.take(n)?).into_owned();
        out.push((name, kind));
    }
    Ok(out)
}

/// Encodes events for `poll`'s answer.
pub fn encode_events(events: &[Event]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.u32(events.len() as u32);
    for e in events {
        match e {
            Event::Data { handle, fd, bytes } => {
                w.0.push(0);
                w.u32(*handle);
                w.i32(*fd);
                w.bytes(bytes);
            }
            Event::Exit {
                handle,
                code,
                signal,
            } => {
                w.0.push(1);
                w.u32(*handle);
                w.opt(code, |w, c| w.i32(*c));
                w.opt(signal, |w, s| w.i32(*s));
            }
            Event::Error { handle, os_error } => {
                w.0.push(2);
                w.u32(*handle);
                w.i32(*os_error);
            }
            Event::Ready { handle, readiness } => {
                w.0.push(3);
                w.u32(*handle);
                w.0.push(*readiness);
            }
            Event::Signal { handle, signal } => {
                w.0.push(4);
                w.u32(*handle);
                w.i32(*signal);
            }
            Event::Message { handle, bytes } => {
                w.0.push(5);
                w.u32(*handle);
                w.bytes(bytes);
            }
            Event::FsChange {
                handle,
                rename,
                name,
            } => {
                w.0.push(6);
                w.u32(*handle);
                w.0.push(u8::from(*rename));
                w.bytes(name);
            }
        }
    }
    w.0
}

/// # Errors
/// [`DecodeError`] for bytes [`encode_events`] did not write.
pub fn decode_events(buf: &[u8]) -> Result<Vec<Event>, DecodeError> {
    let mut r = Reader {
        buf,
        what: "events",
    };
    let n = r.u32()?;
    let mut out = Vec::new();
    for _ in 0..n {
        let e = match r.u8()? {
            0 => Event::Data {
                handle: r.u32()?,
                fd: r.i32()?,
                bytes: r.bytes()?,
            },
            1 => Event::Exit {
                handle: r.u32()?,
                code: r.opt(Reader::i32)?,
                signal: r.opt(Reader::i32)?,
            },
            2 => Event::Error {
                handle: r.u32()?,
                os_error: r.i32()?,
            },
            3 => Event::Ready {
                handle: r.u32()?,
                readiness: r.u8()?,
            },
            4 => Event::Signal {
                handle: r.u32()?,
                signal: r.i32()?,
            },
            5 => Event::Message {
                handle: r.u32()?,
                bytes: r.bytes()?,
            },
            6 => Event::FsChange {
                handle: r.u32()?,
                rename: r.u8()? != 0,
                name: r.bytes()?,
            },
            _ => return Err(DecodeError("events")),
        };
        out.push(e);
    }
    r.end()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interfaces_round_trip() {
        let list = vec![
            Interface {
                name: "lo".into(),
                address: "127.0.0.1".parse().unwrap(),
                netmask: "255.0.0.0".parse().unwrap(),
                prefix_len: 8,
                mac: "00:00:00:00:00:00".into(),
                internal: true,
                scope_id: 0,
            },
            Interface {
                name: "eth0".into(),
                address: "fe80::1".parse().unwrap(),
                netmask: "ffff:ffff:ffff:ffff::".parse().unwrap(),
                prefix_len: 64,
                mac: "02:42:ac:11:00:02".into(),
                internal: false,
                scope_id: 2,
            },
        ];
        assert_eq!(decode_interfaces(&encode_interfaces(&list)).unwrap(), list);
        assert!(decode_interfaces(&encode_interfaces(&list)[..9]).is_err());
    }

    #[test]
    fn dir_entries_round_trip() {
        let mut buf = Vec::new();
        encode_dir_entry(&mut buf, b"a.txt", dir_type::FILE);
        encode_dir_entry(&mut buf, b"sub", dir_type::DIRECTORY);
        encode_dir_entry(&mut buf, b"\xffx", dir_type::UNKNOWN);
        assert_eq!(
            decode_dir_entries(&buf).unwrap(),
            vec![
                ("a.txt".into(), dir_type::FILE),
                ("sub".into(), dir_type::DIRECTORY),
                ("\u{fffd}x".into(), dir_type::UNKNOWN),
            ]
        );
        assert_eq!(decode_dir_entries(&[]).unwrap(), Vec::new());
        assert!(decode_dir_entries(&buf[..buf.len() - 1]).is_err());
        assert!(decode_dir_entries(&[8, 255, 255, 255, 255]).is_err());
    }

    #[test]
    fn commands_round_trip() {
        let c = Command {
            file: "/bin/echo".into(),
            args: vec!["echo".into(), "hé".into()],
            cwd: Some("/tmp".into()),
            env: Some(vec![("A".into(), "1".into())]),
            stdio: vec![
                Stdio::Pipe,
                Stdio::Inherit,
                Stdio::Ignore,
                Stdio::Fd(7),
                Stdio::Socket,
            ],
            argv0: Some("e".into()),
            detached: true,
            uid: Some(1),
            gid: None,
            max_buffer: Some(9),
            input: Some(b"in".to_vec()),
            timeout_ms: Some(5),
            kill_signal: 15,
        };
        assert_eq!(Command::decode(&c.encode()), Ok(c.clone()));
        let bare = Command {
            cwd: None,
            env: None,
            input: None,
            timeout_ms: None,
            ..c
        };
        assert_eq!(Command::decode(&bare.encode()), Ok(bare));
    }

    #[test]
    fn outputs_round_trip() {
        let o = Output {
            pid: 7,
            stdout: b"out".to_vec(),
            stderr: Vec::new(),
            code: Some(3),
            signal: None,
            timed_out: true,
            overflowed: false,
        };
        assert_eq!(Output::decode(&o.encode()), Ok(o));
    }

    #[test]
    fn events_round_trip() {
        let events = vec![
            Event::Data {
                handle: 1,
                fd: 2,
                bytes: b"x".to_vec(),
            },
            Event::Exit {
                handle: 1,
                code: None,
                signal: Some(9),
            },
            Event::Error {
                handle: 3,
                os_error: 5,
            },
            Event::Ready {
                handle: 4,
                readiness: interest::READABLE | interest::CLOSED,
            },
            Event::Message {
                handle: 0,
                bytes: vec![0, 255],
            },
            Event::FsChange {
                handle: 5,
                rename: true,
                name: b"a/b".to_vec(),
            },
        ];
        assert_eq!(decode_events(&encode_events(&events)), Ok(events));
        assert_eq!(decode_events(&encode_events(&[])), Ok(Vec::new()));
    }

    #[test]
    fn accounts_round_trip() {
        let a = Account {
            uid: 1000,
            euid: 1000,
            gid: 100,
            egid: 100,
            name: Some("ada".into()),
            home: Some("/home/ada".into()),
            shell: None,
            user_gid: Some(1000),
        };
        assert_eq!(decode_account(&encode_account(&a)), Ok(a));
        let bare = Account::default();
        assert_eq!(decode_account(&encode_account(&bare)), Ok(bare));
    }

    #[test]
    fn addresses_round_trip() {
        let a = vec!["127.0.0.1".to_string(), "::1".to_string()];
        assert_eq!(decode_addresses(&encode_addresses(&a)), Ok(a));
    }

    #[test]
    fn short_or_long_bytes_are_errors() {
        let e = Output::default().encode();
        assert!(Output::decode(&e[..e.len() - 1]).is_err());
        let mut long = e.clone();
        long.push(0);
        assert!(Output::decode(&long).is_err());
        assert!(Command::decode(&[9, 9]).is_err());
    }
}
