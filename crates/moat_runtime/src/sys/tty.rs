//! Terminals: whether a descriptor is one, its size, and raw mode. Natively these are the
//! terminal calls themselves; in the sandbox the host answers for the descriptors the guest
//! inherits (0, 1, 2), through the `tty_info` and `tty_set_mode` imports.

use std::io;

/// Whether `fd` is a terminal.
pub fn is_tty(fd: i32) -> bool {
    platform::is_tty(fd)
}

/// The terminal's size as `(columns, rows)`.
///
/// # Errors
/// `fd` is no terminal, or its size is unknown.
pub fn window_size(fd: i32) -> io::Result<(u32, u32)> {
    platform::window_size(fd)
}

/// Puts the terminal `fd` in raw mode (input byte by byte, unechoed, no signal keys) or back
/// in the mode it had before.
///
/// # Errors
/// `fd` is no terminal (`ENOTTY`), or the change failed.
pub fn set_raw_mode(fd: i32, raw: bool) -> io::Result<()> {
    platform::set_raw_mode(fd, raw)
}

/// Gives every terminal put in raw mode its earlier mode back; called on the way out.
pub fn restore() {
    platform::restore();
}

#[cfg(not(target_os = "wasi"))]
mod platform {
    use std::io;
    use std::sync::Mutex;

    /// Terminals put in raw mode, with the mode each had before.
    static SAVED: Mutex<Vec<(i32, libc::termios)>> = Mutex::new(Vec::new());

    pub fn is_tty(fd: i32) -> bool {
        // SAFETY: isatty only reads the descriptor's state.
        fd >= 0 && unsafe { libc::isatty(fd) } == 1
    }

    pub fn window_size(fd: i32) -> io::Result<(u32, u32)> {
        // SAFETY: TIOCGWINSZ writes one winsize into `ws`.
        unsafe {
            let mut ws: libc::winsize = std::mem::zeroed();
            if libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok((u32::from(ws.ws_col), u32::from(ws.ws_row)))
        }
    }

    pub fn set_raw_mode(fd: i32, raw: bool) -> io::Result<()> {
        let mut saved = SAVED.lock().unwrap_or_else(|p| p.into_inner());
        let earlier = saved.iter().position(|(f, _)| *f == fd);
        if !raw {
            if let Some(i) = earlier {
                let (_, t) = saved.remove(i);
                // SAFETY: `t` is a termios tcgetattr filled for `fd`.
                if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &t) } != 0 {
                    return Err(io::Error::last_os_error());
                }
            } else if !is_tty(fd) {
                return Err(io::Error::from_raw_os_error(libc::ENOTTY));
            }
            return Ok(());
        }
        // SAFETY: tcgetattr fills the termios it is given; tcsetattr reads one.
        unsafe {
            let mut now: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut now) != 0 {
                return Err(io::Error::last_os_error());
            }
            let original = earlier.map_or(now, |i| saved[i].1);
            let mut t = original;
            t.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
            t.c_oflag |= libc::ONLCR;
            t.c_cflag |= libc::CS8;
            t.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(fd, libc::TCSADRAIN, &t) != 0 {
                return Err(io::Error::last_os_error());
            }
            if earlier.is_none() {
                saved.push((fd, original));
            }
        }
        Ok(())
    }

    pub fn restore() {
        let mut saved = SAVED.lock().unwrap_or_else(|p| p.into_inner());
        for (fd, t) in saved.drain(..) {
            // SAFETY: `t` is a termios tcgetattr filled for `fd`.
            unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &t) };
        }
    }
}

#[cfg(target_os = "wasi")]
mod platform {
    use std::io;

    pub fn is_tty(fd: i32) -> bool {
        (0..=2).contains(&fd) && super::super::host::terminal_info(fd).is_ok_and(|(tty, _, _)| tty)
    }

    pub fn window_size(fd: i32) -> io::Result<(u32, u32)> {
        if !(0..=2).contains(&fd) {
            return Err(io::Error::from_raw_os_error(moat_abi::errno::BADF));
        }
        match super::super::host::terminal_info(fd)? {
            (true, columns, rows) => Ok((columns, rows)),
            (false, _, _) => Err(io::Error::from_raw_os_error(moat_abi::errno::NOTTY)),
        }
    }

    pub fn set_raw_mode(fd: i32, raw: bool) -> io::Result<()> {
        let mode = if raw {
            moat_abi::tty_mode::RAW
        } else {
            moat_abi::tty_mode::NORMAL
        };
        super::super::host::set_terminal_mode(fd, mode)
    }

    /// The host puts the terminal back itself when the run ends.
    pub fn restore() {}
}
