import Diagnostics

/// `qrops resolve` output: the answer as HTTP-like text for people, or JSON for scripts
/// (documented in docs/routing.md, "qrops resolve").
public enum ResolutionRenderer {
    public static func text(_ answer: Resolution, request: ScanRequest) -> String {
        var lines = ["\(answer.status) \(reason(answer.status))"]
        if let location = answer.location { lines.append("Location: \(location)") }
        lines.append("Cache-Control: \(answer.cacheControl)")
        if !answer.vary.isEmpty { lines.append("Vary: \(answer.vary.joined(separator: ", "))") }
        lines.append("")
        if let code = answer.codeID { lines.append("code:    \(code)") }
        lines.append("outcome: \(answer.outcomeDescription)")
        if let destination = answer.destination, destination != answer.location { lines.append("destination: \(destination)") }
        lines.append("why:")
        lines += answer.trace.map { "  - " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ answer: Resolution, request: ScanRequest) -> String {
        JSONWriter.write(.object([
            ("status", .int(answer.status)),
            ("location", .optional(answer.location)),
            ("cache-control", .string(answer.cacheControl)),
            ("vary", .array(answer.vary.map(JSONValue.string))),
            ("code", .optional(answer.codeID)),
            ("outcome", .string(outcomeName(answer.outcome))),
            ("route", answer.routeNumber.map(JSONValue.int) ?? .null),
            ("split-arm", answer.armNumber.map(JSONValue.int) ?? .null),
            ("fallback-reason", .optional(answer.fallbackReason?.rawValue)),
            ("destination", .optional(answer.destination)),
            ("trace", .array(answer.trace.map(JSONValue.string))),
            ("at", .int(Int(request.at))),
        ]))
    }

    static func outcomeName(_ outcome: Resolution.Outcome) -> String {
        switch outcome {
        case .route: "route"
        case .split: "split"
        case .target: "target"
        case .fallback: "fallback"
        case .notFound: "not-found"
        case .unknownDomain: "unknown-domain"
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 301: "Moved Permanently"
        case 302: "Found"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 404: "Not Found"
        default: ""
        }
    }
}

extension Resolution {
    /// 1-based route number, for a route or split outcome.
    public var routeNumber: Int? {
        switch outcome {
        case .route(let index): index + 1
        case .split(let route, _): route + 1
        default: nil
        }
    }

    /// 1-based arm number, for a split outcome.
    public var armNumber: Int? {
        if case .split(_, let arm) = outcome { return arm + 1 }
        return nil
    }

    public var fallbackReason: FallbackReason? {
        if case .fallback(let reason) = outcome { return reason }
        return nil
    }
}
