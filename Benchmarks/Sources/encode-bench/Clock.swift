#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic wall-clock and process CPU time, in seconds.
enum Clock {
    static func wall() -> Double { read(CLOCK_MONOTONIC) }
    static func cpu() -> Double { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Runs `body` over the corpus `rounds` times and keeps the fastest round (least disturbed by
/// other work on the machine), as microseconds per item of wall-clock and CPU time.
struct Measurement {
    var wallMicroseconds: Double
    var cpuMicroseconds: Double

    static func fastest(rounds: Int, items: Int, _ body: () -> Void) -> Measurement {
        var best = Measurement(wallMicroseconds: .infinity, cpuMicroseconds: .infinity)
        for _ in 0..<rounds {
            let wall = Clock.wall(), cpu = Clock.cpu()
            body()
            let wallTime = (Clock.wall() - wall) / Double(items) * 1e6
            let cpuTime = (Clock.cpu() - cpu) / Double(items) * 1e6
            best.wallMicroseconds = min(best.wallMicroseconds, wallTime)
            best.cpuMicroseconds = min(best.cpuMicroseconds, cpuTime)
        }
        return best
    }
}
