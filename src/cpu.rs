//! CPU time of the calling thread, for the times `build --verbose` sums
//! over threads (per template, decoding, extraction): they then count the
//! work done, not the time a thread waited for a core on a busy machine.

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

/// CPU time the calling thread has used since `start` (a [`thread_time`]).
pub fn since(start: Duration) -> Duration {
    thread_time().saturating_sub(start)
}

#[cfg(test)]
mod tests {
    use super::*;

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
