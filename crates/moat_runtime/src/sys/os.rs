//! Facts about the machine for `node:os`, read from Linux's /proc; in the sandbox the host
//! reads those few files for the guest (`moat_abi`'s `sys_read`). Where one cannot be read,
//! these answer as Node does where the OS tells nothing: zeros, empty strings and empty lists.

fn proc_text(path: &str) -> String {
    super::platform::machine_file(path)
}

/// Seconds since boot.
pub fn uptime() -> f64 {
    proc_text("/proc/uptime")
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// The 1, 5 and 15 minute load averages.
pub fn loadavg() -> [f64; 3] {
    let text = proc_text("/proc/loadavg");
    let mut out = [0.0; 3];
    for (slot, v) in out.iter_mut().zip(text.split_whitespace()) {
        *slot = v.parse().unwrap_or(0.0);
    }
    out
}

/// The kernel release (`uname -r`).
pub fn release() -> String {
    proc_text("/proc/sys/kernel/osrelease").trim().to_string()
}

/// The kernel version string (`uname -v`).
pub fn version() -> String {
    proc_text("/proc/sys/kernel/version").trim().to_string()
}

/// One logical CPU as `os.cpus()` describes it; times are in milliseconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cpu {
    pub model: String,
    pub speed_mhz: f64,
    pub user: f64,
    pub nice: f64,
    pub sys: f64,
    pub idle: f64,
    pub irq: f64,
}

/// The CPUs from /proc/cpuinfo and /proc/stat; empty when they cannot be read.
pub fn cpus() -> Vec<Cpu> {
    parse_cpus(&proc_text("/proc/cpuinfo"), &proc_text("/proc/stat"))
}

fn parse_cpus(cpuinfo: &str, stat: &str) -> Vec<Cpu> {
    let mut out: Vec<Cpu> = Vec::new();
    for block in cpuinfo.split("\n\n").filter(|b| b.contains("processor")) {
        let field = |name: &str| {
            block
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        };
        out.push(Cpu {
            model: field("model name").unwrap_or_default(),
            speed_mhz: field("cpu MHz")
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
                .floor(),
            ..Cpu::default()
        });
    }
    // Clock ticks are 1/100 s on Linux.
    for line in stat
        .lines()
        .filter(|l| l.starts_with("cpu") && !l.starts_with("cpu "))
    {
        let mut parts = line.split_whitespace();
        let Some(idx) = parts.next().and_then(|n| n[3..].parse::<usize>().ok()) else {
            continue;
        };
        let v: Vec<f64> = parts
            .map(|x| x.parse::<f64>().unwrap_or(0.0) * 10.0)
            .collect();
        if let (Some(cpu), true) = (out.get_mut(idx), v.len() >= 6) {
            cpu.user = v[0];
            cpu.nice = v[1];
            cpu.sys = v[2];
            cpu.idle = v[3];
            cpu.irq = v[5];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpus_from_proc_text() {
        let info = "processor\t: 0\nmodel name\t: Test CPU\ncpu MHz\t\t: 2400.512\n\nprocessor\t: 1\nmodel name\t: Test CPU\ncpu MHz\t\t: 2400.000\n";
        let stat = "cpu  1 2 3 4 5 6 7\ncpu0 10 0 20 30 0 1 0\ncpu1 1 1 1 1 1 1 1\n";
        let cpus = parse_cpus(info, stat);
        assert_eq!(cpus.len(), 2);
        assert_eq!(
            (cpus[0].model.as_str(), cpus[0].speed_mhz),
            ("Test CPU", 2400.0)
        );
        assert_eq!(
            (cpus[0].user, cpus[0].sys, cpus[0].idle, cpus[0].irq),
            (100.0, 200.0, 300.0, 10.0)
        );
    }
}

/// One address of a network interface, as `os.networkInterfaces()` lists it.
pub use moat_abi::Interface as NetAddress;

/// The account `os.userInfo()` describes.
#[derive(Clone, Debug, PartialEq)]
pub struct UserInfo {
    pub uid: u32,
    pub gid: u32,
    pub username: String,
    pub homedir: String,
    pub shell: Option<String>,
}

/// The `os.userInfo()` of an account: none when the user database does not have it.
pub fn user_of(account: moat_abi::Account) -> Option<UserInfo> {
    Some(UserInfo {
        uid: account.uid,
        gid: account.user_gid.unwrap_or(account.gid),
        username: account.name?,
        homedir: account.home.unwrap_or_default(),
        shell: account.shell,
    })
}

/// CPU time this process has used, in microseconds, and its peak resident set in KiB.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Usage {
    pub user_us: f64,
    pub system_us: f64,
    pub max_rss_kb: f64,
}

pub use super::platform::{
    cpu_usage, get_priority, groups, network_interfaces, set_priority, system_cert_store, user_info,
};

/// The memory limit the OS puts on this process (cgroup v2 `memory.max`, else v1's limit), or 0
/// when there is none or it cannot be read.
pub fn constrained_memory() -> f64 {
    let v2 = proc_text("/sys/fs/cgroup/memory.max");
    let v1 = proc_text("/sys/fs/cgroup/memory/memory.limit_in_bytes");
    let value = if v2.is_empty() { v1 } else { v2 };
    match value.trim().parse::<u64>() {
        // cgroup v1 reports "no limit" as a page-rounded i64::MAX.
        Ok(v) if v < (i64::MAX as u64) / 2 => v as f64,
        _ => 0.0,
    }
}

/// Which of the process's ids a credential call sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Uid,
    Gid,
    Euid,
    Egid,
}

pub use credentials::{
    exec, group_id, init_groups, resource_usage, set_groups, set_id, set_title, thread_cpu_usage,
    user_id,
};

/// The calls that change who the process is, and the lookups of user and group names.
#[cfg(not(target_os = "wasi"))]
mod credentials {
    use super::IdKind;
    use std::ffi::CString;
    use std::io;

    fn check(r: libc::c_int) -> io::Result<()> {
        if r == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// Sets one of the process's ids.
    ///
    /// # Errors
    /// The OS error (`EPERM` without the privilege).
    pub fn set_id(kind: IdKind, id: u32) -> io::Result<()> {
        // SAFETY: these calls take a plain integer and have no memory preconditions.
        check(unsafe {
            match kind {
                IdKind::Uid => libc::setuid(id),
                IdKind::Gid => libc::setgid(id),
                IdKind::Euid => libc::seteuid(id),
                IdKind::Egid => libc::setegid(id),
            }
        })
    }

    /// Calls `lookup` with a growing buffer until it fits; `Some(id)` for a found entry.
    fn lookup_with_buffer(
        mut lookup: impl FnMut(&mut [libc::c_char]) -> (i32, Option<u32>),
    ) -> Option<u32> {
        let mut size = 1024;
        while size <= 1 << 20 {
            let mut buf = vec![0 as libc::c_char; size];
            match lookup(&mut buf) {
                (libc::ERANGE, _) => size *= 2,
                (_, found) => return found,
            }
        }
        None
    }

    /// The uid of the user `name`, from the system's user database.
    pub fn user_id(name: &str) -> Option<u32> {
        let name = CString::new(name).ok()?;
        lookup_with_buffer(|buf| {
            // SAFETY: every pointer is valid for the call; `buf` outlives it and its length is passed.
            unsafe {
                let mut pw: libc::passwd = std::mem::zeroed();
                let mut out: *mut libc::passwd = std::ptr::null_mut();
                let r = libc::getpwnam_r(
                    name.as_ptr(),
                    &mut pw,
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut out,
                );
                (r, (!out.is_null()).then_some(pw.pw_uid))
            }
        })
    }

    /// The gid of the group `name`, from the system's group database.
    pub fn group_id(name: &str) -> Option<u32> {
        let name = CString::new(name).ok()?;
        lookup_with_buffer(|buf| {
            // SAFETY: as in `user_id`.
            unsafe {
                let mut gr: libc::group = std::mem::zeroed();
                let mut out: *mut libc::group = std::ptr::null_mut();
                let r = libc::getgrnam_r(
                    name.as_ptr(),
                    &mut gr,
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut out,
                );
                (r, (!out.is_null()).then_some(gr.gr_gid))
            }
        })
    }

    /// Replaces the supplementary groups.
    ///
    /// # Errors
    /// The OS error (`EPERM` without the privilege).
    pub fn set_groups(groups: &[u32]) -> io::Result<()> {
        // SAFETY: the pointer and length describe `groups`.
        check(unsafe { libc::setgroups(groups.len() as _, groups.as_ptr()) })
    }

    /// Sets the supplementary groups to those of `user`, plus `extra`.
    ///
    /// # Errors
    /// The OS error (`EPERM` without the privilege).
    pub fn init_groups(user: &str, extra: u32) -> io::Result<()> {
        let user = CString::new(user).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        // SAFETY: `user` is a valid C string for the call.
        check(unsafe { libc::initgroups(user.as_ptr(), extra) })
    }

    /// CPU time the calling thread has used.
    pub fn thread_cpu_usage() -> super::Usage {
        // SAFETY: `ru` is a valid out-pointer.
        let ru = unsafe {
            let mut ru: libc::rusage = std::mem::zeroed();
            libc::getrusage(libc::RUSAGE_THREAD, &mut ru);
            ru
        };
        let us = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
        super::Usage {
            user_us: us(ru.ru_utime),
            system_us: us(ru.ru_stime),
            max_rss_kb: ru.ru_maxrss as f64,
        }
    }

    /// getrusage(2) for the process, in `process.resourceUsage()`'s order: user and system
    /// time in microseconds, then the counters as the OS gives them.
    pub fn resource_usage() -> [f64; 16] {
        // SAFETY: `ru` is a valid out-pointer.
        let ru = unsafe {
            let mut ru: libc::rusage = std::mem::zeroed();
            libc::getrusage(libc::RUSAGE_SELF, &mut ru);
            ru
        };
        let us = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
        [
            us(ru.ru_utime),
            us(ru.ru_stime),
            ru.ru_maxrss as f64,
            ru.ru_ixrss as f64,
            ru.ru_idrss as f64,
            ru.ru_isrss as f64,
            ru.ru_minflt as f64,
            ru.ru_majflt as f64,
            ru.ru_nswap as f64,
            ru.ru_inblock as f64,
            ru.ru_oublock as f64,
            ru.ru_msgsnd as f64,
            ru.ru_msgrcv as f64,
            ru.ru_nsignals as f64,
            ru.ru_nvcsw as f64,
            ru.ru_nivcsw as f64,
        ]
    }

    /// Names the process's main thread as `ps` and `top` show it (Linux keeps 15 bytes).
    pub fn set_title(title: &str) {
        let short: Vec<u8> = title.bytes().filter(|&b| b != 0).take(15).collect();
        if let Ok(name) = CString::new(short) {
            // SAFETY: PR_SET_NAME reads a C string of at most 16 bytes.
            unsafe { libc::prctl(libc::PR_SET_NAME, name.as_ptr() as libc::c_ulong, 0, 0, 0) };
        }
    }

    /// Replaces the process with `path` run with `args` and `env` (each `KEY=value`). Signals
    /// the runtime blocked are unblocked first, as the new program expects.
    ///
    /// # Errors
    /// Why the program could not be started; on success this does not return.
    pub fn exec(path: &str, args: &[String], env: &[String]) -> io::Error {
        let invalid = || io::Error::from_raw_os_error(libc::EINVAL);
        let Ok(path) = CString::new(path) else {
            return invalid();
        };
        let to_c = |v: &[String]| {
            v.iter()
                .map(|s| CString::new(s.as_str()))
                .collect::<Result<Vec<_>, _>>()
        };
        let (Ok(args), Ok(env)) = (to_c(args), to_c(env)) else {
            return invalid();
        };
        let mut argv: Vec<*const libc::c_char> = args.iter().map(|a| a.as_ptr()).collect();
        argv.push(std::ptr::null());
        let mut envp: Vec<*const libc::c_char> = env.iter().map(|a| a.as_ptr()).collect();
        envp.push(std::ptr::null());
        super::super::tty::restore();
        // SAFETY: every pointer is to a NUL-terminated string kept alive above, and both
        // arrays end with a null pointer.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::pthread_sigmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
            libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr());
        }
        io::Error::last_os_error()
    }
}

/// WASI has no users, groups or process images: the sandbox cannot change who it runs as.
#[cfg(target_os = "wasi")]
mod credentials {
    use super::IdKind;
    use std::io;

    fn not_permitted() -> io::Error {
        io::Error::from_raw_os_error(63)
    }

    pub fn set_id(_kind: IdKind, _id: u32) -> io::Result<()> {
        Err(not_permitted())
    }

    /// The sandbox sees no user database.
    pub fn user_id(_name: &str) -> Option<u32> {
        None
    }

    pub fn group_id(_name: &str) -> Option<u32> {
        None
    }

    pub fn set_groups(_groups: &[u32]) -> io::Result<()> {
        Err(not_permitted())
    }

    pub fn init_groups(_user: &str, _extra: u32) -> io::Result<()> {
        Err(not_permitted())
    }

    /// The guest runs on one thread: its CPU time is the process's.
    pub fn thread_cpu_usage() -> super::Usage {
        super::cpu_usage()
    }

    pub fn set_title(_title: &str) {}

    /// WASI reports no resource use beyond the time the guest has run (see `cpu_usage`).
    pub fn resource_usage() -> [f64; 16] {
        let mut out = [0.0; 16];
        out[0] = super::cpu_usage().user_us;
        out
    }

    /// The host replaces its program, the guest's process (`EACCES` without the
    /// child-process grant); it starts in the guest's working directory, with its standard
    /// streams.
    pub fn exec(path: &str, args: &[String], env: &[String]) -> io::Error {
        let cmd = moat_abi::Command {
            file: path.to_string(),
            args: args.get(1..).unwrap_or_default().to_vec(),
            cwd: crate::sys::cwd()
                .ok()
                .map(|c| c.to_string_lossy().into_owned()),
            env: Some(
                env.iter()
                    .map(|kv| match kv.split_once('=') {
                        Some((k, v)) => (k.to_string(), v.to_string()),
                        None => (kv.clone(), String::new()),
                    })
                    .collect(),
            ),
            stdio: vec![moat_abi::Stdio::Inherit; 3],
            argv0: args.first().cloned(),
            detached: false,
            uid: None,
            gid: None,
            max_buffer: None,
            input: None,
            timeout_ms: None,
            kill_signal: 15,
        };
        crate::sys::host::exec(&cmd)
    }
}
