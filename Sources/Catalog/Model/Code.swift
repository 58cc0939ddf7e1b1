import Diagnostics

/// The lifecycle state a code is in (see docs/routing.md for what each does to a scan).
public enum CodeStatus: String, Sendable, Hashable, CaseIterable {
    case draft, active, paused, archived, retired
}

/// One dynamic QR code, decoded from `codes/` with its folder and file defaults applied.
public struct Code: Sendable {
    public var file: String
    /// Where the code's own mapping starts.
    public var location: SourceLocation

    public var id: Located<String>
    public var slug: Located<String>
    public var domain: Located<String>?
    public var name: Located<String>?
    public var owner: Located<String>?
    public var status: Located<CodeStatus>
    public var use: Located<String>?
    public var compliance: Located<String>?
    /// Label keys and values, in the order written.
    public var labels: [(key: Located<String>, value: Located<String>)]
    public var tags: [Located<String>]
    public var launch: Located<Instant>?
    public var retire: Located<Instant>?
    public var target: Located<String>?
    public var redirect: Located<Int>?
    public var forwardQuery: Located<Bool>?
    public var utm: [(key: Located<String>, value: Located<String>)]
    public var routes: [Route]
    public var fallback: Located<String>?
    public var artwork: ArtworkSpec?
    public var expect: [Expectation]
    public var scanDistance: Located<Length>?
    public var changeReason: Located<String>?
    public var ignore: [IgnoreEntry]

    public init(file: String, location: SourceLocation, id: Located<String>, slug: Located<String>, status: Located<CodeStatus>) {
        self.file = file
        self.location = location
        self.id = id
        self.slug = slug
        self.status = status
        labels = []
        tags = []
        utm = []
        routes = []
        expect = []
        ignore = []
    }

    public func label(_ key: String) -> Located<String>? {
        labels.first { $0.key.value == key }?.value
    }

    /// The status code for redirects to `target` and routes (302 unless the code says otherwise).
    public var redirectStatus: Int { redirect?.value ?? 302 }

    /// Every destination the code can send a scan to, with where it is written.
    public var destinations: [Located<String>] {
        var all: [Located<String>] = []
        if let target { all.append(target) }
        for route in routes {
            if let target = route.target { all.append(target) }
            for arm in route.split { all.append(arm.target) }
        }
        if let fallback { all.append(fallback) }
        return all
    }
}

/// The UTM parameter names a code may set, in the order they are appended.
public enum UTMParameter: String, Sendable, CaseIterable {
    case source, medium, campaign, term, content

    public var queryName: String { "utm_" + rawValue }
}

/// A `{rule, reason, until}` entry of a code's `ignore:` list.
public struct IgnoreEntry: Sendable {
    public var rule: Located<String>
    public var reason: Located<String>?
    public var until: Located<Instant>?
    public var location: SourceLocation

    public init(rule: Located<String>, reason: Located<String>?, until: Located<Instant>?, location: SourceLocation) {
        self.rule = rule
        self.reason = reason
        self.until = until
        self.location = location
    }
}
