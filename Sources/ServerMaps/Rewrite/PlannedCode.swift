import Routing

/// A code as a static target serves it at one instant (`StaticCode`), in answers: either one
/// fixed answer, or routes tried in order and an answer when none matches.
struct PlannedCode: Sendable {
    enum Behaviour: Sendable {
        case answer(PlannedAnswer)
        /// Each route's condition is time-free; `otherwise` answers when none matches.
        case routed([PlannedRoute], otherwise: PlannedAnswer)
    }

    var code: TableCode
    /// The slug as the domain looks it up (`TableDomain.slugKey`).
    var key: String
    var behaviour: Behaviour

    /// Every answer the code can give.
    var answers: [PlannedAnswer] {
        switch behaviour {
        case .answer(let answer): [answer]
        case .routed(let routes, let otherwise): routes.flatMap { $0.split?.map(\.answer) ?? [$0.answer] } + [otherwise]
        }
    }

    var routes: [PlannedRoute] {
        if case .routed(let routes, _) = behaviour { return routes }
        return []
    }
}

struct PlannedRoute: Sendable {
    var condition: TableCondition
    /// The answer (for a split a target cannot hash: its largest arm).
    var answer: PlannedAnswer
    /// The route's position in the code (1-based), for messages and comments.
    var number: Int
    /// A split kept for a target that splits by a hash of its own: the arms' weights and answers.
    var split: [(weight: Int, answer: PlannedAnswer)]? = nil
}

/// Turns table codes into planned codes for one target. No static target here can hash the
/// client address the way qrops and nginx's `split_clients` do (MurmurHash2): a target that can
/// hash it otherwise (`stickySplitHash`, e.g. Apache's MD5) keeps the split, sticky per client
/// with the same weights; for the others a split becomes its largest arm (the first of equals),
/// since a fixed answer is better than a random one. Either way a warning says so.
enum CodePlanner {
    static func plan(_ code: TableCode, on domain: TableDomain, at instant: Int64, target: String,
                     stickySplitHash: String? = nil, findings: inout [EmitterFinding]) -> PlannedCode {
        let frozen = StaticCode(code, at: instant)
        let key = domain.slugKey(code.slug)
        switch frozen.behaviour {
        case .fallback(let url):
            return PlannedCode(code: code, key: key, behaviour: .answer(.fallback(url)))
        case .routing(let routes, let destination, let fallback):
            let vary = code.varyHeaders(countryHeader: domain.countryHeader)
            func answer(_ destination: String) -> PlannedAnswer {
                let parts = frozen.locationParts(destination)
                let location = PlannedLocation(prefix: parts.prefix, separator: parts.separator, fragment: parts.fragment, forwardsQuery: code.forwardQuery)
                return PlannedAnswer(status: code.status, location: location, vary: vary)
            }
            let otherwise = destination.map(answer) ?? .fallback(fallback)
            // The routes `StaticCode` kept, numbered as they are written in the code.
            let numbers = code.routes.indices.filter { index in
                let condition = code.routes[index].condition
                return (condition.after.map { instant >= $0 } ?? true) && (condition.before.map { instant < $0 } ?? true)
            }.map { $0 + 1 }
            var planned: [PlannedRoute] = []
            for (offset, route) in routes.enumerated() {
                let number = offset < numbers.count ? numbers[offset] : offset + 1
                let chosen: String
                switch route.outcome {
                case .target(let url):
                    chosen = url
                case .split(let arms):
                    guard let arm = largestArm(arms) else { continue }
                    chosen = arms[arm].target
                    if let hash = stickySplitHash, isPlainID(code.id) {
                        findings.append(EmitterFinding(
                            .warning, rule: "target-split-not-engine", target: target, codeID: code.id,
                            message: "\(target) cannot compute the engine's split hash (MurmurHash2): it hashes `<client address>:<code id>` with \(hash) into the same weights, so route \(number)'s split is sticky per client address, but a client may get another arm than `qrops resolve` says",
                            hint: "if every scanner must get the arm `qrops resolve` shows, serve this code from nginx or `qrops serve`"))
                        var kept = PlannedRoute(condition: route.condition, answer: answer(chosen), number: number)
                        kept.split = arms.map { ($0.weight, answer($0.target)) }
                        planned.append(kept)
                        if route.condition.isAlways { break }
                        continue
                    }
                    findings.append(EmitterFinding(
                        .warning, rule: "target-split-not-engine", target: target, codeID: code.id,
                        message: "\(target) cannot pick split arms by the client address the way qrops and nginx do (MurmurHash2): every scan that reaches route \(number) goes to arm \(arm + 1), \(chosen)",
                        hint: "serve this domain with nginx, HAProxy or `qrops serve` to split traffic, or remove the split"))
                }
                planned.append(PlannedRoute(condition: route.condition, answer: answer(chosen), number: number))
                if route.condition.isAlways { break }
            }
            if let last = planned.last, last.condition.isAlways, last.split == nil {
                planned.removeLast()
                return PlannedCode(code: code, key: key, behaviour: planned.isEmpty ? .answer(last.answer) : .routed(planned, otherwise: last.answer))
            }
            return PlannedCode(code: code, key: key, behaviour: planned.isEmpty ? .answer(otherwise) : .routed(planned, otherwise: otherwise))
        }
    }

    /// A code id a target may write into its config as is: ASCII letters, digits, `.`, `_`, `-`.
    static func isPlainID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { RequestPattern.isLetter($0) || RequestPattern.isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// The arm with the largest weight, the first of equals.
    static func largestArm(_ arms: [TableSplitArm]) -> Int? {
        var best: Int?
        for (index, arm) in arms.enumerated() where best.map({ arm.weight > arms[$0].weight }) ?? true {
            best = index
        }
        return best
    }
}
