#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

// What the writer's parallel parts (`StringGathering`, `StringPoolBuilder`'s sort, the hash
// index beside pass 2) share.

/// One result per parallel chunk, each set once by its chunk.
final class Slots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) { slots = Mutex([Value?](repeating: nil, count: count)) }

    func set(_ index: Int, _ value: Value) {
        slots.withLock { $0[index] = value }
    }

    /// Every slot's value, in order (once all are set).
    var values: [Value] {
        slots.withLock { $0.compactMap { $0 } }
    }
}

/// What the machine offers to parallel work.
enum System {
    /// Online processors (at least 1).
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
