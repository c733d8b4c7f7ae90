//! CPU time of the calling thread, for the times `build --verbose` sums
//! over threads (per template, decoding, extraction): they then count the
//! work done, not the time a thread waited for a core on a busy machine.
//! Also the process's peak memory, shown after each stage.
//!
//! The times are taken only when asked for ([`measure`]): reading a
//! thread's CPU clock is a system call, made several times per document,
//! about 0.4 % of the CPU of a build of 10,000 documents that shows no
//! times.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Whether [`thread_time`] reads the clock.
static MEASURED: AtomicBool = AtomicBool::new(false);

/// Has [`thread_time`] read the thread's CPU clock from now on (`true`:
/// `build --verbose`), or give zero (`false`, the default).
pub fn measure(on: bool) {
    MEASURED.store(on, Ordering::Relaxed);
}

/// CPU time the calling thread has used so far; zero unless [`measure`]
/// asked for times.
pub fn thread_time() -> Duration {
    if MEASURED.load(Ordering::Relaxed) {
        clock()
    } else {
        Duration::ZERO
    }
}

#[cfg(target_os = "linux")]
fn clock() -> Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// Elsewhere: wall time since the first call (waiting included).
#[cfg(not(target_os = "linux"))]
fn clock() -> Duration {
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

/// Hands the memory every thread freed back to the system. mimalloc keeps
/// the pages a thread freed for that thread's next allocations, and each
/// of rayon's threads has its own heap: once the pages are rendered, what
/// their threads freed would stay held while the main thread sums up the
/// diagnostics and the cache's thread saves its entries, so the peak came
/// after the pages. At 10,000 documents it went from 181-198 MB to
/// 177-183 MB (BENCHMARKS.md). Without mimalloc, nothing to do.
pub fn hand_back_freed_memory() {
    #[cfg(feature = "mimalloc")]
    {
        // SAFETY: `mi_collect` only frees what the allocator holds unused;
        // it may be called from any thread at any time.
        rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
        unsafe { libmimalloc_sys::mi_collect(true) };
    }
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
        let start = clock();
        let mut x = 0u64;
        for i in 0..20_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        assert!(x != 1);
        assert!(clock() > start);
    }

    /// No test of this binary asks for times, so none are taken.
    #[test]
    fn no_time_is_taken_unless_asked() {
        assert_eq!(thread_time(), Duration::ZERO);
        std::hint::black_box(vec![1u8; 1 << 20]);
        assert_eq!(since(thread_time()), Duration::ZERO);
    }
}
