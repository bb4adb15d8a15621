//! The one mapping from an OS error to Node's error fields.

use std::io;

/// Node's view of an OS error: `code`, libuv's negative `errno`, and the description that
/// Node puts in the message (`ENOENT: no such file or directory, open '/x'`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UvError {
    pub code: &'static str,
    pub errno: i32,
    pub description: &'static str,
}

const TABLE: &[(&str, i32, &str)] = &[
    ("EPERM", -1, "operation not permitted"),
    ("ENOENT", -2, "no such file or directory"),
    ("ESRCH", -3, "no such process"),
    ("EINTR", -4, "interrupted system call"),
    ("EIO", -5, "i/o error"),
    ("EBADF", -9, "bad file descriptor"),
    ("EAGAIN", -11, "resource temporarily unavailable"),
    ("ENOMEM", -12, "not enough memory"),
    ("EACCES", -13, "permission denied"),
    ("EBUSY", -16, "resource busy or locked"),
    ("EEXIST", -17, "file already exists"),
    ("EXDEV", -18, "cross-device link not permitted"),
    ("ENOTDIR", -20, "not a directory"),
    ("EISDIR", -21, "illegal operation on a directory"),
    ("EINVAL", -22, "invalid argument"),
    ("EMFILE", -24, "too many open files"),
    ("EFBIG", -27, "file too large"),
    ("ENOSPC", -28, "no space left on device"),
    ("ESPIPE", -29, "invalid seek"),
    ("EROFS", -30, "read-only file system"),
    ("EPIPE", -32, "broken pipe"),
    ("ENAMETOOLONG", -36, "name too long"),
    ("ENOSYS", -38, "function not implemented"),
    ("ENOTEMPTY", -39, "directory not empty"),
    ("ELOOP", -40, "too many symbolic links encountered"),
    ("ENOTSUP", -95, "operation not supported on socket"),
    ("ETIMEDOUT", -110, "connection timed out"),
    ("ECONNREFUSED", -111, "connection refused"),
    ("EADDRINUSE", -98, "address already in use"),
    ("EADDRNOTAVAIL", -99, "address not available"),
    ("ENETUNREACH", -101, "network is unreachable"),
    ("ECONNABORTED", -103, "software caused connection abort"),
    ("ECONNRESET", -104, "connection reset by peer"),
    ("ENOTCONN", -107, "socket is not connected"),
    ("EHOSTUNREACH", -113, "host is unreachable"),
];

fn by_code(code: &str) -> UvError {
    let (code, errno, description) = TABLE
        .iter()
        .copied()
        .find(|(c, _, _)| *c == code)
        .unwrap_or(("EIO", -5, "i/o error"));
    UvError {
        code,
        errno,
        description,
    }
}

/// Linux errno numbers are libuv's, negated.
#[cfg(not(target_os = "wasi"))]
fn from_raw(raw: i32) -> Option<&'static str> {
    TABLE
        .iter()
        .find(|(_, e, _)| -*e == raw)
        .map(|(c, _, _)| *c)
}

/// WASI preview 1 numbers its errors differently.
#[cfg(target_os = "wasi")]
fn from_raw(raw: i32) -> Option<&'static str> {
    Some(match raw {
        2 => "EACCES",
        3 => "EADDRINUSE",
        4 => "EADDRNOTAVAIL",
        6 => "EAGAIN",
        8 => "EBADF",
        10 => "EBUSY",
        13 => "ECONNABORTED",
        14 => "ECONNREFUSED",
        15 => "ECONNRESET",
        20 => "EEXIST",
        22 => "EFBIG",
        23 => "EHOSTUNREACH",
        27 => "EINTR",
        28 => "EINVAL",
        29 => "EIO",
        31 => "EISDIR",
        32 => "ELOOP",
        33 => "EMFILE",
        37 => "ENAMETOOLONG",
        40 => "ENETUNREACH",
        44 => "ENOENT",
        48 => "ENOMEM",
        51 => "ENOSPC",
        52 => "ENOSYS",
        53 => "ENOTCONN",
        54 => "ENOTDIR",
        55 => "ENOTEMPTY",
        58 => "ENOTSUP",
        63 => "EPERM",
        64 => "EPIPE",
        69 => "EROFS",
        70 => "ESPIPE",
        71 => "ESRCH",
        73 => "ETIMEDOUT",
        75 => "EXDEV",
        // ENOTCAPABLE: outside what the host granted.
        76 => "EACCES",
        _ => return None,
    })
}

/// Maps an OS error to Node's fields.
pub fn uv_error(err: &io::Error) -> UvError {
    if let Some(code) = err.raw_os_error().and_then(from_raw) {
        return by_code(code);
    }
    by_code(match err.kind() {
        io::ErrorKind::NotFound => "ENOENT",
        io::ErrorKind::PermissionDenied => "EACCES",
        io::ErrorKind::AlreadyExists => "EEXIST",
        io::ErrorKind::NotADirectory => "ENOTDIR",
        io::ErrorKind::IsADirectory => "EISDIR",
        io::ErrorKind::DirectoryNotEmpty => "ENOTEMPTY",
        io::ErrorKind::InvalidInput => "EINVAL",
        io::ErrorKind::Unsupported => "ENOSYS",
        io::ErrorKind::BrokenPipe => "EPIPE",
        io::ErrorKind::ReadOnlyFilesystem => "EROFS",
        io::ErrorKind::ConnectionRefused => "ECONNREFUSED",
        io::ErrorKind::ConnectionReset => "ECONNRESET",
        io::ErrorKind::NotConnected => "ENOTCONN",
        io::ErrorKind::AddrInUse => "EADDRINUSE",
        io::ErrorKind::WouldBlock => "EAGAIN",
        _ => "EIO",
    })
}

/// Every error the table knows, in errno order.
pub fn all() -> impl Iterator<Item = UvError> {
    let mut v: Vec<UvError> = TABLE
        .iter()
        .map(|&(code, errno, description)| UvError {
            code,
            errno,
            description,
        })
        .collect();
    v.sort_by_key(|e| -e.errno);
    v.into_iter()
}

/// Node's fields for a code name (`"ENOENT"`); unknown names become `EIO`.
pub fn uv_error_by_code(code: &str) -> UvError {
    by_code(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_maps_to_enoent() {
        let e = uv_error(&io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(
            (e.code, e.errno, e.description),
            ("ENOENT", -2, "no such file or directory")
        );
    }

    #[cfg(not(target_os = "wasi"))]
    #[test]
    fn raw_linux_errno() {
        assert_eq!(uv_error(&io::Error::from_raw_os_error(17)).code, "EEXIST");
        assert_eq!(
            uv_error(&io::Error::from_raw_os_error(39)).code,
            "ENOTEMPTY"
        );
    }
}
