import Diagnostics

/// The lifecycle state a code is in (see docs/routing.md for what each does to a scan).
public enum CodeStatus: String, Sendable, Hashable, CaseIterable {
    case draft, active, paused, archived, retired
}

/// One dynamic QR code, decoded from `codes/` with its folder and file defaults applied.
///
/// A class, so that passing a code around (a portfolio holds 100,000 of them, and every rule
/// looks at each) costs one reference count, not a copy of forty fields. Only the decoder in
/// this module sets its properties, before the code is published; afterwards it never changes
/// (`forgetDescriptiveFields()` is the one exception, and it too runs before publication), which
/// is why it can be shared across threads. For the same reason no two accesses to a
/// property can ever overlap, so its properties are `@exclusivity(unchecked)`: the run-time
/// check every read of a class's `var` pays (some 75 instructions, millions of reads per lint)
/// would never fire.
public final class Code: @unchecked Sendable {
    /// Where the code's own mapping starts.
    @exclusivity(unchecked) public internal(set) var location: SourceLocation
    /// The file the code is written in.
    public var file: String { location.file }

    @exclusivity(unchecked) public internal(set) var id: Located<String>
    @exclusivity(unchecked) public internal(set) var slug: Located<String>
    @exclusivity(unchecked) public internal(set) var domain: Located<String>?
    @exclusivity(unchecked) public internal(set) var name: Located<String>?
    @exclusivity(unchecked) public internal(set) var owner: Located<String>?
    @exclusivity(unchecked) public internal(set) var status: Located<CodeStatus>
    @exclusivity(unchecked) public internal(set) var use: Located<String>?
    @exclusivity(unchecked) public internal(set) var compliance: Located<String>?
    /// Label keys and values, in the order written (the code's own, then those it inherits).
    @exclusivity(unchecked) public internal(set) var labels: StringMap
    /// Where `labels:` is written (its key), when it is.
    @exclusivity(unchecked) public internal(set) var labelsKeyLocation: SourceLocation?
    @exclusivity(unchecked) public internal(set) var tags: [Located<String>]
    @exclusivity(unchecked) public internal(set) var launch: Located<Instant>?
    @exclusivity(unchecked) public internal(set) var retire: Located<Instant>?
    @exclusivity(unchecked) public internal(set) var target: Located<String>?
    public internal(set) var redirect: Located<Int>? {
        get { rarelySet?.values.redirect }
        set { updateRarelySet { $0.redirect = newValue } }
    }
    public internal(set) var forwardQuery: Located<Bool>? {
        get { rarelySet?.values.forwardQuery }
        set { updateRarelySet { $0.forwardQuery = newValue } }
    }
    @exclusivity(unchecked) public internal(set) var utm: StringMap
    /// Where `utm:` is written (its key), when it is.
    @exclusivity(unchecked) public internal(set) var utmKeyLocation: SourceLocation?
    @exclusivity(unchecked) public internal(set) var routes: [Route]
    @exclusivity(unchecked) public internal(set) var fallback: Located<String>?
    /// The code's `artwork:` settings. Each read is a copy: to read a few fields, go through
    /// `sharedArtwork` instead.
    public internal(set) var artwork: ArtworkSpec? {
        get { sharedArtwork?.spec }
        set { sharedArtwork = newValue.map(SharedArtworkSpec.init) }
    }
    /// The same settings by reference: most codes share their folder's, so a code holds one
    /// reference rather than a 460-byte copy.
    @exclusivity(unchecked) public internal(set) var sharedArtwork: SharedArtworkSpec?
    @exclusivity(unchecked) public internal(set) var expect: [Expectation]
    public internal(set) var scanDistance: Located<Length>? {
        get { rarelySet?.values.scanDistance }
        set { updateRarelySet { $0.scanDistance = newValue } }
    }
    @exclusivity(unchecked) public internal(set) var changeReason: Located<String>?
    @exclusivity(unchecked) public internal(set) var ignore: [IgnoreEntry]
    /// `redirect`, `forward-query` and `scan-distance`, which most codes leave out: kept out of
    /// line, so that a code without any holds one nil reference instead of 136 bytes.
    @exclusivity(unchecked) private var rarelySet: RarelySetFields?

    private func updateRarelySet(_ change: (inout RarelySetFields.Values) -> Void) {
        var values = rarelySet?.values ?? RarelySetFields.Values()
        change(&values)
        rarelySet = values.isEmpty ? nil : RarelySetFields(values)
    }

    public init(location: SourceLocation, id: Located<String>, slug: Located<String>, status: Located<CodeStatus>) {
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

    /// A copy of `other`, field by field (the decoder starts each code of a file from the
    /// file's decoded defaults; see `CodeDefaults`). Every stored property is copied.
    init(copying other: Code) {
        location = other.location
        id = other.id
        slug = other.slug
        domain = other.domain
        name = other.name
        owner = other.owner
        status = other.status
        use = other.use
        compliance = other.compliance
        labels = other.labels
        labelsKeyLocation = other.labelsKeyLocation
        tags = other.tags
        launch = other.launch
        retire = other.retire
        target = other.target
        utm = other.utm
        utmKeyLocation = other.utmKeyLocation
        routes = other.routes
        fallback = other.fallback
        sharedArtwork = other.sharedArtwork
        expect = other.expect
        changeReason = other.changeReason
        ignore = other.ignore
        rarelySet = other.rarelySet
    }

    /// The value of the label `name`, if the code has one.
    public func label(_ name: String) -> Located<String>? {
        labels.entry(named: name)?.value
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

/// The fields of a `Code` that few codes set, by reference. Never changed once made: a code
/// copied from its file's defaults shares them until it sets one of its own (a new object).
private final class RarelySetFields: Sendable {
    struct Values {
        var redirect: Located<Int>?
        var forwardQuery: Located<Bool>?
        var scanDistance: Located<Length>?

        var isEmpty: Bool { redirect == nil && forwardQuery == nil && scanDistance == nil }
    }

    let values: Values

    init(_ values: Values) { self.values = values }
}

/// An `ArtworkSpec` shared by reference: the spec is 460 bytes and usually inherited by a
/// whole folder of codes. Its fields are read in place (`code.sharedArtwork?.spec.ec`).
public final class SharedArtworkSpec: Sendable {
    public let spec: ArtworkSpec

    init(_ spec: ArtworkSpec) { self.spec = spec }
}

/// The UTM parameter names a code may set, in the order they are appended.
public enum UTMParameter: String, Sendable, CaseIterable {
    case source, medium, campaign, term, content

    /// `utm_source`, ... (literals: the table compiler asks for these once per code).
    public var queryName: String {
        switch self {
        case .source: "utm_source"
        case .medium: "utm_medium"
        case .campaign: "utm_campaign"
        case .term: "utm_term"
        case .content: "utm_content"
        }
    }
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
