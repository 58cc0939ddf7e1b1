import Catalog
import Synchronization

/// The instants, around the one a check ran at, over which its findings stay the same: from
/// `from` (inclusive) up to `until` (exclusive), in seconds since 1970. A cache of findings may
/// give them back for any instant inside the window (`FileCheckCache`).
public struct TimeWindow: Sendable, Hashable {
    public var from: Int64
    public var until: Int64

    /// Every instant.
    public static let always = TimeWindow(from: .min, until: .max)

    public init(from: Int64, until: Int64) {
        self.from = from
        self.until = until
    }

    public func contains(_ instant: Instant) -> Bool { from <= instant.seconds && instant.seconds < until }

    /// Narrowed by an instant at which a conclusion drawn at `now` flips: on or before `now`,
    /// it holds from there on; after `now`, it holds until then.
    public mutating func narrow(boundary: Int64, now: Int64) {
        if boundary <= now { from = max(from, boundary) } else { until = min(until, boundary) }
    }
}

/// What a rule's findings owe to the current instant, gathered while rules check a file
/// (`RuleContext.recordingNow(into:)`). Rules never read "now" directly: they ask
/// `RuleContext` whether an instant has been reached, or take the instant in a way that says
/// how long their conclusion holds, and each question narrows this window.
public final class NowDependence: Sendable {
    private let window = Mutex(TimeWindow.always)

    public init() {}

    public var current: TimeWindow { window.withLock { $0 } }

    func note(boundary: Int64, now: Int64) {
        window.withLock { $0.narrow(boundary: boundary, now: now) }
    }
}
