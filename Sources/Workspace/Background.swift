import Dispatch
import Synchronization

/// A value worked out on another thread from the moment this is made; reading it waits for it.
final class Background<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<Value?>(nil)
    private let work: @Sendable () -> Value

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        done.enter()
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.leave()
        }
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
