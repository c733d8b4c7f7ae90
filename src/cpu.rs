//! CPU time of the calling thread, for the times `build --verbose` sums
//! over threads (per template, decoding, extraction): they then count the
//! work done, not the time a thread waited for a core on a busy machine.
//! Also the process's peak memory, shown after each stage.

use std::time::Duration;

/// CPU time the calling thread has used so far.
#[cfg(target_os = "linux")]
pub fn thread_time() -> Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// Elsewhere: wall time since the first call (waiting included).
#[cfg(not(target_os = "linux"))]
pub fn thread_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// The process's peak resident memory so far in bytes (Linux's `VmHWM`),
/// for `build --verbose`; `None` where the system does not say.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// CPU time the calling thread has used since `start` (a [`thread_time`]).
pub fn since(start: Duration) -> Duration {
    thread_time().saturating_sub(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn touched_memory_shows_in_the_peak() {
        let block = vec![1u8; 64 << 20];
        std::hint::black_box(&block);
        assert!(peak_memory().unwrap() >= 64 << 20);
    }

    #[test]
    fn work_shows_as_cpu_time() {
        let start = thread_time();
        let mut x = 0u64;
        for i in 0..20_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        assert!(x != 1);
        assert!(since(start) > Duration::ZERO);
    }
}
