import Routing

/// A code's behaviour frozen at one instant, for targets that cannot evaluate time (every
/// static server config): the state and launch/retire window decide between routing and the
/// fallback, and routes whose `after`/`before` window excludes the instant are dropped (those
/// that include it keep their other conditions).
public struct StaticCode: Sendable, Hashable {
    public enum Behaviour: Sendable, Hashable {
        /// 302 to this URL (`no-store`), or 404 when nil.
        case fallback(String?)
        /// Routes (time-free) in order, then `target` (nil: the fallback).
        case routing(routes: [TableRoute], target: String?, fallback: String?)
    }

    public var code: TableCode
    public var behaviour: Behaviour

    public init(_ code: TableCode, at: Int64) {
        self.code = code
        let inWindow = code.state == .active
            && (code.launch.map { at >= $0 } ?? true)
            && (code.retire.map { at < $0 } ?? true)
        guard inWindow else {
            behaviour = .fallback(code.fallback)
            return
        }
        var routes: [TableRoute] = []
        for route in code.routes {
            var condition = route.condition
            if let after = condition.after, at < after { continue }
            if let before = condition.before, at >= before { continue }
            condition.after = nil
            condition.before = nil
            routes.append(TableRoute(condition: condition, outcome: route.outcome))
        }
        behaviour = .routing(routes: routes, target: code.target, fallback: code.fallback)
    }

    /// The compile-time Location parts of an active destination of this code (see
    /// `DestinationComposer.split`); a forwarded query goes between `separator` and `fragment`.
    public func locationParts(_ destination: String) -> (prefix: String, separator: String, fragment: String) {
        DestinationComposer.split(destination, utm: code.utm)
    }
}
