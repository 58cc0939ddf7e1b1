#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Synchronization

/// A value worked out on another thread from the moment this is made; reading it waits for it.
final class Background<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<Value?>(nil)
    private let work: @Sendable () -> Value

    /// `yielding`: on a thread of its own at the lowest priority (nice 19: on Linux a thread's
    /// own), so that the work takes the CPU time the rest of the run leaves idle (a core waiting
    /// out another's serial step) rather than time from it.
    init(_ work: @escaping @Sendable () -> Value, yielding: Bool = false) {
        self.work = work
        done.enter()
        let run: @Sendable () -> Void = { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.leave()
        }
        guard yielding else {
            DispatchQueue.global().async(execute: run)
            return
        }
        let thread = Thread {
            #if canImport(Glibc)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            #endif
            run()
        }
        thread.qualityOfService = .background
        thread.start()
    }

    /// Replaces the value (once it has been worked out), letting go of the old one.
    func replace(with value: Value) {
        done.wait()
        result.withLock { $0 = value }
    }

    var value: Value {
        done.wait()
        // Always set once `done` is reached; worked out again here only if it were not.
        return result.withLock { $0 } ?? work()
    }
}
