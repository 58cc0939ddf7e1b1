import Catalog
import Diagnostics

/// Destinations that every destination rule has already passed, remembered for the rest of
/// one `RuleEngine.checkCodes` call.
///
/// A destination rule's verdict depends only on the destination's text, the code's compliance
/// category and the run's context (where the destination is written only places the finding),
/// so a (text, category) pair that no destination rule reported stays clean wherever else it is
/// written. Codes repeat their destinations a great deal (the app-store links, a folder's
/// `fallback`, one landing page per campaign): in the benchmark portfolio about six in seven
/// destinations of a file were already checked in the same file. A destination with a finding
/// is never remembered, so every one of its occurrences is reported.
struct CleanDestinations {
    private struct Key: Hashable {
        var text: String
        var category: String?
    }

    private var clean = Set<Key>(minimumCapacity: 256)

    /// The code's destinations, in the order `DestinationRule`'s per-code check visits them
    /// (target, each route's target and split arms, fallback), minus the ones known clean.
    func unchecked(in code: Code) -> [Destination] {
        let category = code.compliance?.value
        var pending: [Destination] = []
        func visit(_ value: Located<String>) {
            if !clean.contains(Key(text: value.value, category: category)) {
                pending.append(Destination(value, category: category))
            }
        }
        if let target = code.target { visit(target) }
        for route in code.routes {
            if let target = route.target { visit(target) }
            for arm in route.split { visit(arm.target) }
        }
        if let fallback = code.fallback { visit(fallback) }
        return pending
    }

    /// Remembers the destinations that no rule reported (`reported[i]` is false).
    mutating func record(_ destinations: [Destination], reported: [Bool]) {
        for (destination, wasReported) in zip(destinations, reported) where !wasReported {
            clean.insert(Key(text: destination.text, category: destination.category))
        }
    }
}

extension CleanDestinations {
    /// The destination rules among `rules`, and for each rule its index among them or -1.
    static func slots(_ rules: [any Rule]) -> ([any DestinationRule], [Int]) {
        var destinationRules: [any DestinationRule] = []
        var slots: [Int] = []
        for rule in rules {
            if let destinationRule = rule as? any DestinationRule {
                slots.append(destinationRules.count)
                destinationRules.append(destinationRule)
            } else {
                slots.append(-1)
            }
        }
        return (destinationRules, slots)
    }
}

extension RuleEngine {
    /// Runs every rule on one code, in rule order. Destination rules see only the code's
    /// destinations that `clean` does not already vouch for; the rest are recorded as clean.
    /// The findings are exactly those of running each rule's `check(_:context:into:)` on the code.
    func check(_ code: Code, context: RuleContext, clean: inout CleanDestinations, into findings: inout [Diagnostic]) {
        let pending = clean.unchecked(in: code)
        var reported = [Bool](repeating: false, count: pending.count)
        // Through buffer pointers: the rules are called in place, not copied out of the arrays.
        rules.withUnsafeBufferPointer { rules in
            destinationRules.withUnsafeBufferPointer { destinationRules in
                for index in rules.indices {
                    let slot = destinationSlots[index]
                    guard slot >= 0 else {
                        rules[index].check(code, context: context, into: &findings)
                        continue
                    }
                    for (position, destination) in pending.enumerated() {
                        let before = findings.count
                        destinationRules[slot].check(destination, context: context, into: &findings)
                        if findings.count != before { reported[position] = true }
                    }
                }
            }
        }
        clean.record(pending, reported: reported)
    }
}
