import Catalog
import Diagnostics
import ServerMaps

/// The ids `qrops build` reports beyond lint's, with their messages as factories (the ids are
/// stable; the wording may change). Like the schema checks they cannot be turned off.
public enum BuildRule {
    public static let noDomain = "build-no-domain"
    public static let unsafeID = "build-unsafe-id"
    public static let idCaseClash = "build-id-case-clash"
    public static let artworkInvalid = "build-artwork-invalid"
    public static let payloadTooLong = "build-payload-too-long"
    public static let unknownTarget = "build-unknown-target"
    public static let tableUnwritable = "build-table-unwritable"

    public static let descriptors: [RuleDescriptor] = [
        d(noDomain, "No short domain", "A printed code needs a short domain: its own `domain:` or the policy's `default-domain`."),
        d(unsafeID, "Id unusable as a file name",
          "Artwork files are named after the code id, so an id must be a plain file name: no `/`, `\\`, control characters or leading dot."),
        d(idCaseClash, "Ids differ only in case",
          "Two printed codes' artwork files would overwrite each other on case-insensitive file systems (macOS, Windows)."),
        d(artworkInvalid, "Artwork cannot be rendered", "The code's artwork settings are outside what the renderers accept."),
        d(payloadTooLong, "Short URL does not fit", "The short URL does not fit a QR code at the requested error correction."),
        d(tableUnwritable, "Redirect table cannot be written",
          "The portfolio exceeds a limit of the redirect table format (docs/table-format.md), such as 65,535 short domains."),
        d(unknownTarget, "Unknown build target", "`build: targets:` in policies/ names a server or edge target qrops cannot emit."),
    ]

    private static func d(_ id: String, _ name: String, _ summary: String) -> RuleDescriptor {
        RuleDescriptor(id: id, name: name, summary: summary,
                       rationale: summary + " This check is part of `qrops build` and cannot be turned off.",
                       defaultSeverity: .error)
    }

    // MARK: - Messages

    static func noDomain(_ code: Code) -> Diagnostic {
        Diagnostic(.error, noDomain, "the code `\(code.id.value)` has no short domain, so its QR code has no URL to hold",
                   at: code.slug.location, length: code.slug.value.unicodeScalars.count,
                   hint: "add `domain:` to the code, or `default-domain:` to the domains policy")
    }

    static func unsafeID(_ id: Located<String>, reason: String) -> Diagnostic {
        Diagnostic(.error, unsafeID, "the id `\(id.value)` cannot name an artwork file: \(reason)",
                   at: id.location, length: id.value.unicodeScalars.count,
                   hint: "ids name files in build/artwork/; use letters, digits, `-` and `_`")
    }

    static func idCaseClash(_ id: Located<String>, first: Located<String>) -> Diagnostic {
        Diagnostic(.error, idCaseClash, "the id `\(id.value)` differs from `\(first.value)` only in case; their artwork files would collide",
                   at: id.location, length: id.value.unicodeScalars.count,
                   notes: [DiagnosticNote("the other id", at: first.location)],
                   hint: "case-insensitive file systems (macOS, Windows) keep one file for both")
    }

    static func artworkInvalid(_ plan: ArtworkPlan, _ problem: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, artworkInvalid, "the artwork of `\(plan.codeID.value)` cannot be rendered: \(problem)",
                   at: location, hint: "change the code's `artwork:` settings or the artwork policy's defaults")
    }

    static func payloadTooLong(_ plan: ArtworkPlan, _ problem: String) -> Diagnostic {
        Diagnostic(.error, payloadTooLong, "the short URL `\(plan.payload)` of `\(plan.codeID.value)` cannot be encoded: \(problem)",
                   at: plan.slugLocation, hint: "use a shorter slug or domain, or a lower error correction (`artwork.ec`)")
    }

    static func unknownTarget(_ name: Located<String>, known: [String]) -> Diagnostic {
        let suggestion = DidYouMean.suggest(name.value, among: known).map { " (did you mean `\($0)`?)" } ?? ""
        return Diagnostic(.error, unknownTarget, "`\(name.value)` is not a build target\(suggestion)",
                          at: name.location, length: name.value.unicodeScalars.count,
                          hint: "the targets are: " + known.joined(separator: ", "))
    }

    /// What a server or edge target cannot express (or refuses to write), at the code concerned,
    /// else at the target's entry in the build policy.
    /// `codeID` is the `id:` of the code the finding names, as written (nil for a finding about
    /// the whole output, or a code not in the catalog).
    static func targetFinding(_ finding: EmitterFinding, codeID: Located<String>?, policyEntry: Located<String>?, policies: Policies) -> Diagnostic {
        // What a target cannot express is a warning: the user chose the target in policies/, its
        // files are still valid, and the message says what they do instead (leave the code out
        // or approximate it). `--strict` makes it fail. Unsafe or oversized values stay errors.
        let expressiveness = finding.rule == "target-cannot-express"
        let severity: Severity = finding.severity == .error && !expressiveness ? .error : .warning
        let location = codeID?.location ?? policyEntry?.location ?? policies.sections["build"] ?? .file("policies/")
        let subject = codeID.map { "`\($0.value)`: " } ?? ""
        return Diagnostic(severity, finding.rule, "\(finding.target): \(subject)\(finding.message)", at: location,
                          length: codeID.map { $0.value.unicodeScalars.count } ?? 1, hint: finding.hint)
    }

    static func tableUnwritable(_ problem: String) -> Diagnostic {
        Diagnostic(.error, tableUnwritable, "build/\(BuildTarget.tableName) cannot be written: \(problem)", at: .file("policies/"),
                   hint: "see the format's limits in docs/table-format.md")
    }
}
